import { signozTemplateError } from '../../constructs/validation';
import { parseGoTemplate } from '../../constructs/validation/go-template/parse-template';

const builtins = new Set(['print', 'printf', 'index']);
function goError(text: string): string | undefined {
  try {
    parseGoTemplate(text, builtins);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('Go template literals, read as Go text/template reads them', () => {
  it.each([
    '{{ print 0o755 0B1101 0xBEEF 1_000_000 0x_ff }}',
    '{{ print 6.02e23 .25 3. 0x1.8p3 1E-4 2_5.0_1 }}',
    '{{ print 3i 0.5i 2e3i }}',
    '{{ printf "%v" 2-5i }}',
    '{{ print -0.5+1e2i }}',
    '{{ print 0 -0 +0 017 }}',
    '{{ print 1e-500 }}',
    "{{ print 'z' '\\t' '\\x7f' '\\u00e9' '\\U0001F600' '\\177' '\\'' 'é' }}",
    '{{ print "tab\\there" "\\u2603" "\\U0010FFFF" "\\x00" "\\377" "\\\\" "\\"" }}',
    '{{ print `raw \\q \\400 stays raw` }}',
    '{{ print 9223372036854775807 18446744073709551615 -9223372036854775808 }}',
    '{{define "a"}}one{{end}}{{define "b"}}two{{end}}',
    '{{define "a"}}   {{end}}{{define "a"}}body{{end}}',
    '{{define "a"}}body{{end}}{{define "a"}}\n{{end}}',
  ])('accepts %j', (text) => {
    expect(goError(text)).toBeUndefined();
  });

  it.each([
    ['{{ print 09 }}', 'integer overflow: "09"'],
    ['{{ print 0o8 }}', 'bad number syntax: "0o8"'],
    ['{{ print 0b2 }}', 'bad number syntax: "0b2"'],
    ['{{ print 0x }}', 'illegal number syntax: "0x"'],
    ['{{ print 0xg }}', 'bad number syntax: "0xg"'],
    ['{{ print 0x1.8 }}', 'illegal number syntax: "0x1.8"'],
    ['{{ print 2__0 }}', 'illegal number syntax: "2__0"'],
    ['{{ print 5_ }}', 'illegal number syntax: "5_"'],
    ['{{ print 1e999 }}', 'illegal number syntax: "1e999"'],
    ['{{ print 0x1p2000 }}', 'illegal number syntax: "0x1p2000"'],
    ['{{ print 99999999999999999999 }}', 'integer overflow: "99999999999999999999"'],
    ['{{ print 0bi }}', 'illegal number syntax: "0bi"'],
    ['{{ print 1+2 }}', 'bad number syntax: "1+2"'],
    ['{{ print 1+2j }}', 'bad number syntax: "1+2j"'],
    ['{{ print 1e999+1i }}', 'strconv.ParseFloat: parsing "1e999": value out of range'],
    ["{{ print 'xy' }}", "malformed character constant: 'xy'"],
    ["{{ print '' }}", 'invalid syntax'],
    ["{{ print '\\777' }}", 'invalid syntax'],
    ["{{ print '\\uD800' }}", 'invalid syntax'],
    ["{{ print '\\\"' }}", 'invalid syntax'],
    ['{{ print "\\z" }}', 'invalid syntax'],
    ['{{ print "\\xZZ" }}', 'invalid syntax'],
    ['{{ print "\\u12" }}', 'invalid syntax'],
    ['{{ print "\\\'" }}', 'invalid syntax'],
    ['{{ print "\\12" }}', 'invalid syntax'],
    ['{{ print "line\\\nbreak" }}', 'unterminated quoted string'],
    ['{{ template "\\k" }}', 'invalid syntax'],
    ['{{define "a"}}x{{end}}{{define "a"}}y{{end}}', 'template: multiple definition of template "a"'],
    ['{{define "a"}}x{{end}}{{block "a" .}}y{{end}}', 'template: multiple definition of template "a"'],
    ['{{ print 1\u000b}}', 'unrecognized character in action: U+000B'],
    ['{{\u00a0print 1 }}', 'unrecognized character in action: U+00A0'],
    ['{{ print\u00e7 }}', 'function "print\u00e7" not defined'],
    ['{{ .x\ufeff }}', 'bad character U+FEFF'],
  ])('refuses %j: %s', (text, message) => {
    expect(goError(text)).toBe(message);
  });

  it('takes a carriage return as a space, inside actions and in the $labels shorthand', () => {
    expect(signozTemplateError('{{\r$value\r}}')).toBeUndefined();
    expect(signozTemplateError('{{ $labels.host\r}} is down')).toBeUndefined();
    expect(signozTemplateError('{{\r\n.Labels.host }}')).toBeUndefined();
  });

  it('does not take a vertical tab or a no-break space as a space in the shorthands SigNoz expands', () => {
    // Go's regexp \s is [\t\n\f\r ], so SigNoz leaves these actions alone and Go's lexer refuses them
    expect(signozTemplateError('{{\u000b$host}}')).toBe('unrecognized character in action: U+000B');
    expect(signozTemplateError('{{ $host\u00a0}}')).toBe('bad character U+00A0');
  });

  it('refuses the escapes Go refuses inside the $labels index SigNoz writes', () => {
    expect(signozTemplateError('{{ index $labels "k8s\\pod" }}')).toBe('invalid syntax');
    expect(signozTemplateError('{{ index $labels "k8s\\\\pod" }}')).toBeUndefined();
  });
});
