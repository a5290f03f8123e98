/**
 * Terraform reads `${...}` and `%{...}` inside every string of a synthesized configuration as
 * template syntax. User text (alert templates, descriptions, expressions) must reach SigNoz
 * verbatim, so it is escaped (`$${`, `%%{`) before it goes into an attribute.
 */
export function escapeTemplateSequences(text: string): string {
  // Replacement functions: in a replacement string, '$$' would collapse to a single '$'.
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}
