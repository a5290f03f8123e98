import { terraformEnvironment } from '../../constructs/providers/signoz-providers';
import { RESTAPI_REQUIRED_ENV } from '../../constructs/providers/versions';

describe('terraformEnvironment', () => {
  it('derives the restapi variables from SIGNOZ_* and turns masking on', () => {
    expect(terraformEnvironment({ SIGNOZ_ENDPOINT: 'https://signoz.example.com', SIGNOZ_ACCESS_TOKEN: 'tok' })).toEqual({
      API_DATA_IS_SENSITIVE: 'true',
      TF_VAR_signoz_endpoint: 'https://signoz.example.com',
      TF_VAR_signoz_access_token: 'tok',
    });
  });

  it('keeps explicit TF_VAR_* values', () => {
    expect(terraformEnvironment({ SIGNOZ_ENDPOINT: 'https://a', TF_VAR_signoz_endpoint: 'https://b' }).TF_VAR_signoz_endpoint).toBe('https://b');
  });

  it('adds only the masking switch when nothing is set', () => {
    expect(terraformEnvironment({})).toEqual(RESTAPI_REQUIRED_ENV);
  });
});
