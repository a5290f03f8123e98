/**
 * The rule's own labels on each alert. SigNoz expands them as Go templates with the sample's
 * labels; the evaluator expands the label references (`{{$labels.x}}`, `{{ .Labels.x }}`,
 * `{{index $labels "x"}}`) and reports anything else it leaves as written.
 */

const LABEL_REF = /\{\{-?\s*(?:\$labels\.([A-Za-z_][A-Za-z0-9_]*)|\.Labels\.([A-Za-z_][A-Za-z0-9_]*)|index\s+(?:\$labels|\.Labels)\s+"([^"]*)")\s*-?\}\}/g;

/** Expands label references in `template`; other template actions are left untouched. */
export function expandLabelTemplate(template: string, sampleLabels: Readonly<Record<string, string>>): string {
  return template.replace(LABEL_REF, (_m, a?: string, b?: string, c?: string) => sampleLabels[(a ?? b ?? c)!] ?? '');
}

/** Labels whose value keeps a template action the evaluator does not expand. */
export function unexpandedTemplateLabels(labels: Readonly<Record<string, string>>): string[] {
  return Object.keys(labels)
    .filter((k) => expandLabelTemplate(labels[k]!, {}).includes('{{'))
    .sort();
}
