/**
 * SigNoz parses every label and annotation value of a rule as a Go text/template before it saves
 * the rule (`ruletypes.testTemplateParsing`). It first rewrites its own shorthands (`$service.name`,
 * `{{.Labels.x.y}}`, `{{$x}}`) into `index` calls and prefixes the `$labels`, `$value` and
 * `$threshold` variables; this module repeats those steps and then checks the Go syntax.
 */
import { GO_TEMPLATE_BUILTINS, parseGoTemplate } from './parse-template';
import { TemplateSyntaxError } from './template-syntax-error';

/** Functions SigNoz registers for rule templates (`ruletypes.NewTemplateExpander`). */
export const SIGNOZ_TEMPLATE_FUNCTIONS = [
  'first',
  'label',
  'value',
  'strvalue',
  'args',
  'reReplaceAll',
  'safeHtml',
  'match',
  'title',
  'toUpper',
  'toLower',
  'sortByLabel',
  'humanize',
  'humanize1024',
  'humanizeDuration',
  'humanizeTimestamp',
  'pathPrefix',
  'externalURL',
] as const;

const FUNCTIONS: ReadonlySet<string> = new Set<string>([...GO_TEMPLATE_BUILTINS, ...SIGNOZ_TEMPLATE_FUNCTIONS]);

/** SigNoz prefixes `{{$labels := .Labels}}{{$value := .Value}}{{$threshold := .Threshold}}`; declaring them up front is the same. */
const PREDEFINED_VARIABLES = ['$labels', '$value', '$threshold'];

/** Longer values are not parsed: the shorthand expansion is quadratic on hostile input. */
export const MAX_CHECKED_TEMPLATE_LENGTH = 16 * 1024;

/** Default annotations repeat across many rules; their verdicts are kept (bounded). */
const verdicts = new Map<string, string | undefined>();
const MAX_REMEMBERED = 512;

// SigNoz's regexes in Go's RE2 syntax, where `.` is anything but `\n` (JavaScript's also stops at `\r`)
// and `\s` is `[\t\n\f\r ]` (JavaScript's also takes `\v`, NBSP and the Unicode spaces).
const DOLLAR_SHORTHAND = /({{[^\n]*?}})|(\$(\w+(?:\.\w+)*))/g;
const LABELS_FIELD_SHORTHAND = /{{[\t\n\f\r ]*\.Labels\.([a-zA-Z0-9_.]+)([^\n]*?)}}/g;
const VARIABLE_SHORTHAND = /{{[\t\n\f\r ]*\$[\t\n\f\r ]*([a-zA-Z0-9_.]+)[\t\n\f\r ]*}}/g;

/** The text SigNoz hands to Go's parser for a label or annotation value. */
export function expandSignozShorthands(text: string): string {
  return text
    .replace(DOLLAR_SHORTHAND, (match: string, _block: string | undefined, _dollar: string | undefined, path: string | undefined) =>
      match.startsWith('{{') ? match : `{{index $labels "${path ?? ''}"}}`,
    )
    .replace(LABELS_FIELD_SHORTHAND, (_match: string, path: string, rest: string) => `{{index .Labels "${path}"${rest}}}`)
    .replace(VARIABLE_SHORTHAND, (match: string) => {
      if (match.startsWith('{{$threshold}}') || match.startsWith('{{$value}}')) return match;
      const variable = (match.startsWith('{{$') ? match.slice(3) : match).slice(0, -2);
      return `{{index .Labels "${variable}"}}`;
    });
}

function parseError(text: string): string | undefined {
  try {
    parseGoTemplate(expandSignozShorthands(text), FUNCTIONS, PREDEFINED_VARIABLES);
    return undefined;
  } catch (error) {
    if (!(error instanceof TemplateSyntaxError)) throw error;
    return text.includes('\n') ? `line ${error.line}: ${error.message}` : error.message;
  }
}

/**
 * Go's parse error for a label/annotation value (without the template-name prefix), or
 * `undefined`; values longer than `MAX_CHECKED_TEMPLATE_LENGTH` are not parsed.
 */
export function signozTemplateError(text: string): string | undefined {
  if (text.length > MAX_CHECKED_TEMPLATE_LENGTH) return undefined;
  // without an action or a $shorthand the value is plain text
  if (!text.includes('{{') && !text.includes('$')) return undefined;
  if (verdicts.has(text)) return verdicts.get(text);
  const verdict = parseError(text);
  if (verdicts.size < MAX_REMEMBERED) verdicts.set(text, verdict);
  return verdict;
}
