/**
 * Default message templates (Alertmanager Go templates). They rely on the labels and annotations
 * SigNoz puts on every alert: `alertname`, `severity` (the threshold tier, lower-cased),
 * `summary` and `description`.
 */

/** `[FIRING:2] HighErrorRate` / `[RESOLVED] HighErrorRate`. */
export const DEFAULT_TITLE = '[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ .CommonLabels.alertname }}';

/** One block per alert; `emphasis` wraps the severity (`*` for Slack and Google Chat, `**` for Teams). */
export function defaultText(emphasis: string): string {
  return [
    '{{ range .Alerts -}}',
    `${emphasis}{{ if .Labels.severity }}{{ .Labels.severity | toUpper }}{{ else }}ALERT{{ end }}${emphasis} ` +
      '{{ if .Annotations.summary }}{{ .Annotations.summary }}{{ else }}{{ .Labels.alertname }}{{ end }}',
    '{{ if .Annotations.description }}{{ .Annotations.description }}',
    '{{ end }}Labels: {{ range .Labels.SortedPairs }}{{ .Name }}={{ .Value }} {{ end }}',
    '',
    '{{ end }}',
  ].join('\n');
}

export const DEFAULT_SUBJECT = '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}';

export const DEFAULT_PAGERDUTY_DESCRIPTION =
  '{{ .CommonLabels.alertname }}: {{ if .CommonAnnotations.summary }}{{ .CommonAnnotations.summary }}' + '{{ else }}{{ .Alerts.Firing | len }} firing{{ end }}';

/** SigNoz severities that PagerDuty knows pass through; anything else becomes `error`. */
export const DEFAULT_PAGERDUTY_SEVERITY = '{{ if eq .CommonLabels.severity "critical" "error" "warning" "info" }}{{ .CommonLabels.severity }}{{ else }}error{{ end }}';

export const DEFAULT_PAGERDUTY_CLIENT = 'SigNoz';

export const DEFAULT_OPSGENIE_MESSAGE = '{{ .CommonLabels.alertname }}';

export const DEFAULT_OPSGENIE_DESCRIPTION = '{{ range .Alerts }}- {{ if .Annotations.summary }}{{ .Annotations.summary }}{{ else }}{{ .Labels.alertname }}{{ end }}\n{{ end }}';

/** critical -> P1, error -> P2, warning -> P3, anything else -> P4. */
export const DEFAULT_OPSGENIE_PRIORITY =
  '{{ if eq .CommonLabels.severity "critical" }}P1{{ else if eq .CommonLabels.severity "error" }}P2' + '{{ else if eq .CommonLabels.severity "warning" }}P3{{ else }}P4{{ end }}';
