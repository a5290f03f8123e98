/** Label and annotation names and the Go templates in their values (`PostableRule.Validate`). */
import { MAX_CHECKED_TEMPLATE_LENGTH, signozTemplateError } from './go-template/check-signoz-template';
import { recordAt } from './json-value';
import { pointer } from './json-pointer';
import type { IssueCollector } from './issue-collector';

/** SigNoz's `isValidLabelName`: `[a-zA-Z_.][a-zA-Z0-9_.]*`. */
const LABEL_NAME = /^[a-zA-Z_.][a-zA-Z0-9_.]*$/;

export function isValidLabelName(name: string): boolean {
  return LABEL_NAME.test(name);
}

function checkMap(payload: unknown, field: 'labels' | 'annotations', noun: string, out: IssueCollector): void {
  const map = recordAt(payload, field);
  if (!map) return;
  for (const name of Object.keys(map)) {
    const value = map[name];
    const path = (): string => pointer(`/${field}`, name);
    if (!isValidLabelName(name)) out.error(path(), `invalid ${noun} name: ${name}`);
    if (typeof value !== 'string') continue;
    if (value.length > MAX_CHECKED_TEMPLATE_LENGTH) {
      out.warn(path(), `value is longer than ${MAX_CHECKED_TEMPLATE_LENGTH} characters; its template syntax was not checked`);
      continue;
    }
    const templateError = signozTemplateError(value);
    if (templateError !== undefined) out.error(path(), `template parsing error: ${templateError}`);
  }
}

export function checkLabelsAndAnnotations(payload: unknown, out: IssueCollector): void {
  checkMap(payload, 'labels', 'label', out);
  checkMap(payload, 'annotations', 'annotation', out);
}
