import { signozTemplateError } from '../../constructs/validation';
import { expandSignozShorthands } from '../../constructs/validation/go-template/check-signoz-template';

describe('label and annotation templates, parsed as SigNoz parses them', () => {
  it.each([
    'plain text without any action',
    'p90 latency high on $service_name',
    'Container $container in pod $pod ($namespace) exceeded memory threshold',
    'This alert is fired when the defined metric (current value: {{$value}}) crosses the threshold ({{$threshold}})',
    '{{ .Labels.service.name }} is slow',
    '{{ $labels.service_name }} is slow',
    '{{ $service }}',
    '{{ index $labels "http.route" }}',
    '{{ humanize $value }} / {{ humanizeDuration $threshold }} / {{ humanize1024 1024.0 }}',
    '{{ printf "%.2f" $value }}',
    '{{ if gt $value 90.0 }}critical{{ else if gt $value 80.0 }}high{{ else }}ok{{ end }}',
    '{{ range $key, $val := $labels }}{{ $key }}={{ $val }} {{ end }}',
    '{{ range $labels }}{{ if eq . "x" }}{{ break }}{{ end }}{{ end }}',
    '{{ with $labels.team }}team {{ . }}{{ else }}no team{{ end }}',
    '{{- /* a comment */ -}} trimmed',
    '{{ define "t" }}x{{ end }}{{ template "t" . }}',
    '{{ block "b" . }}default{{ end }}',
    '{{ (len $labels) }} labels, {{ toUpper "a" | toLower }}',
    '{{ reReplaceAll "-.*" "" $labels.pod }}',
    "{{ 'c' }} {{ 1.5e3 }} {{ 0x1F }} {{ -3 }} {{ true }} {{ nil | print }}",
    'cost is $5.00',
    'closing braces alone }} are text',
  ])('accepts %j', (text) => {
    expect(signozTemplateError(text)).toBeUndefined();
  });

  it.each([
    ['{{ .Labels.host', 'unclosed action'],
    ['{{ nope }}', 'function "nope" not defined'],
    ['{{ $host | toUpper }}', 'undefined variable "$host"'],
    ['{{ if $value }}x', 'unexpected EOF'],
    ['{{ end }}', 'unexpected {{end}}'],
    ['{{ else }}', 'unexpected {{else}}'],
    ['{{ range $labels }}x{{ else if $value }}y{{ end }}', 'unexpected <if> in input'],
    ['{{ break }}', '{{break}} outside {{range}}'],
    ['{{}}', 'missing value for command'],
    ['{{ if }}x{{ end }}', 'missing value for if'],
    ['{{ "a" | "b" }}', 'non executable command in pipeline stage 2'],
    ['{{ printf "%d }}', 'unterminated quoted string'],
    ['{{ `raw }}', 'unterminated raw quoted string'],
    ["{{ 'c }}", 'unterminated character constant'],
    ['{{ (len $labels }}', 'unclosed left paren'],
    ['{{ len $labels) }}', 'unexpected right paren'],
    // Go's lexer reports the number up to the first character that cannot follow it
    ['{{ 1abc }}', 'bad number syntax: "1a"'],
    ['{{ "x".y }}', 'unexpected . after term "\\"x\\""'],
    ['{{ @ }}', 'unexpected "@" in command'],
    ['{{ template $x }}', 'unexpected "$x" in template clause'],
    ['{{ define "t" }}x', 'unexpected EOF'],
    ['{{/* unclosed comment }}', 'unclosed comment'],
    ['{{/* c */ x }}', 'comment ends before closing delimiter'],
    ['{{ $a, $b := $labels }}', 'too many declarations in command'],
    // SigNoz expands `$value` before Go parses, so an unclosed action around it reads as a stray "{"
    ['CPU {{ $value', 'unexpected "{" in command'],
  ])('rejects %j: %s', (text, message) => {
    expect(signozTemplateError(text)).toBe(message);
  });

  it('numbers the line of a multi-line value', () => {
    expect(signozTemplateError('first line\nsecond {{ nope }}')).toBe('line 2: function "nope" not defined');
  });

  it('expands the shorthands SigNoz supports before parsing', () => {
    expect(expandSignozShorthands('on $service.name')).toBe('on {{index $labels "service.name"}}');
    expect(expandSignozShorthands('{{.Labels.k8s.pod.name}}')).toBe('{{index .Labels "k8s.pod.name"}}');
    expect(expandSignozShorthands('{{$pod}} {{$value}} {{$threshold}}')).toBe('{{index .Labels "pod"}} {{$value}} {{$threshold}}');
  });
});
