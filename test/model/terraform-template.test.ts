import { hasInterpolation, literalText, parseTemplatedJson, splitTemplate } from '../../constructs/model/terraform-template';

describe('Terraform string templates', () => {
  it('splits literal text from interpolations, undoing escapes', () => {
    expect(splitTemplate('a ${var.x} b $${not} %%{neither} ${lookup({a = "}"}, "a")}')).toEqual([
      { literal: 'a ' },
      { expression: '${var.x}' },
      { literal: ' b ${not} %{neither} ' },
      { expression: '${lookup({a = "}"}, "a")}' },
    ]);
  });

  it('tells references from literals', () => {
    expect(hasInterpolation('${var.token}')).toBe(true);
    expect(hasInterpolation('Bearer ${var.token}')).toBe(true);
    expect(hasInterpolation('$${var.token}')).toBe(false);
    expect(hasInterpolation('{{ .Labels.service }}')).toBe(false);
    expect(literalText('https://u:${var.pw}@host')).toBe('https://u: @host');
  });

  it('parses channel documents whose values are interpolated', () => {
    expect(parseTemplatedJson('{"name":"pd","pagerduty_configs":[{"routing_key":${jsonencode(var.pd_key)},"url":"https://x/${var.path}"}]}')).toEqual({
      name: 'pd',
      pagerduty_configs: [{ routing_key: '${jsonencode(var.pd_key)}', url: 'https://x/${var.path}' }],
    });
  });

  it('keeps escaped template sequences inside strings literal', () => {
    expect(parseTemplatedJson('{"text":"$${not} {{ .Alerts }}"}')).toEqual({ text: '${not} {{ .Alerts }}' });
  });

  it('returns undefined for text that is not JSON', () => {
    expect(parseTemplatedJson('${jsonencode(local.receiver)}')).toBe('${jsonencode(local.receiver)}');
    expect(parseTemplatedJson('{not json')).toBeUndefined();
  });
});
