import { escapeTemplateSequences } from './terraform-literal';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** An HCL string literal (quoted, escaped) holding `text` verbatim. */
export function hclString(text: string): string {
  const json = JSON.stringify(text).replace(/\\b/g, '\\u0008').replace(/\\f/g, '\\u000c');
  return escapeTemplateSequences(json);
}

/** An HCL literal for a JSON scalar. */
export function hclLiteral(value: string | number | boolean): string {
  return typeof value === 'string' ? hclString(value) : String(value);
}

/** `base.key[0]["odd key"]`: an HCL traversal from `base` along `path`. */
export function hclTraversal(base: string, path: readonly (string | number)[]): string {
  return path.reduce<string>((expr, step) => {
    if (typeof step === 'number') return `${expr}[${step}]`;
    return IDENTIFIER.test(step) ? `${expr}.${step}` : `${expr}[${hclString(step)}]`;
  }, base);
}
