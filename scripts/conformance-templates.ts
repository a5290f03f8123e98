/**
 * Peer check: label and annotation templates read as Go's text/template reads them
 * (templates.json of the go-semantics peer suite). Mode `parse` is `parse.Parse` with exactly the
 * listed functions, `text` is `template.Parse` (builtins plus the listed functions), `signoz` is
 * SigNoz's save-time check (shorthand rewriting, `$labels`/`$value`/`$threshold`, its functions).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { signozTemplateError } from '../constructs/validation/go-template/check-signoz-template';
import { GO_TEMPLATE_BUILTINS, parseGoTemplate } from '../constructs/validation/go-template/parse-template';
import { TemplateSyntaxError } from '../constructs/validation/go-template/template-syntax-error';

interface TemplateCase {
  readonly mode: 'parse' | 'text' | 'signoz';
  readonly text: string;
  readonly funcs?: readonly string[];
  readonly ok: boolean;
  readonly err?: string;
  readonly src: string;
}

/** The toolkit's verdict: `undefined` when it accepts the text, else its error. */
function toolkitError(c: TemplateCase): string | undefined {
  if (c.mode === 'signoz') return signozTemplateError(c.text);
  const functions = new Set<string>(c.mode === 'text' ? [...GO_TEMPLATE_BUILTINS, ...(c.funcs ?? [])] : (c.funcs ?? []));
  try {
    parseGoTemplate(c.text, functions);
    return undefined;
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return error.message;
    throw error;
  }
}

/** Accepted exactly where Go (or SigNoz's pipeline on Go) accepts; upstream and generated cases counted apart. */
export function templatesAgreeWithGo(dir: string): { summary: string; failures: string[] } {
  const file = path.join(dir, 'templates.json');
  if (!fs.existsSync(file)) return { summary: 'Go templates: no templates.json', failures: [`${file} does not exist`] };
  const cases = JSON.parse(fs.readFileSync(file, 'utf8')) as TemplateCase[];
  const failures: string[] = [];
  const agreed = { upstream: [0, 0], generated: [0, 0] };
  for (const c of cases) {
    const tally = agreed[c.src.startsWith('generated:') ? 'generated' : 'upstream'];
    tally[1]!++;
    const problem = toolkitError(c);
    if ((problem === undefined) === c.ok) {
      tally[0]!++;
      continue;
    }
    failures.push(
      `template ${JSON.stringify(c.text)} [${c.mode}] (${c.src}): Go ${c.ok ? 'accepts it' : `refuses it (${c.err})`}, the toolkit ${problem === undefined ? 'accepts it' : `refuses it (${problem})`}`,
    );
  }
  const total = cases.length - failures.length;
  return {
    summary: `Go templates: ${total}/${cases.length} agree with Go's text/template and SigNoz's template check (upstream ${agreed.upstream.join('/')}, generated ${agreed.generated.join('/')})`,
    failures,
  };
}
