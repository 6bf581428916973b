/*
 * The settings: defaults, a trailing slash dropped, bad base URLs refused at start.
 */
import { ConfigReader } from '@backstage/config';
import { DEFAULT_BASE_URL, readSettings } from './config';

const read = (circleci: object) => readSettings({ config: new ConfigReader({ circleci }) });

describe('readSettings', () => {
  it('defaults to CircleCI cloud with actions off, for users only', () => {
    const off = { actionsEnabled: false, allowServicePrincipalActions: false, permissionFrameworkEnabled: false };
    expect(read({ token: ' t ' })).toEqual({ token: 't', baseUrl: DEFAULT_BASE_URL, ...off });
    expect(readSettings({ config: new ConfigReader({}) })).toEqual({
      token: undefined,
      baseUrl: DEFAULT_BASE_URL,
      ...off,
    });
  });

  it('reads whether services may act and whether the permission framework decides', () => {
    const config = new ConfigReader({
      circleci: { actions: { enabled: true, allowServicePrincipals: true } },
      permission: { enabled: true },
    });
    expect(readSettings({ config })).toMatchObject({
      actionsEnabled: true,
      allowServicePrincipalActions: true,
      permissionFrameworkEnabled: true,
    });
  });

  it('takes a CircleCI server URL, without its trailing slash, and the actions switch', () => {
    expect(read({ baseUrl: 'https://circleci.example.com/api/', actions: { enabled: true } })).toMatchObject({
      baseUrl: 'https://circleci.example.com/api',
      actionsEnabled: true,
    });
  });

  it('reads the webhook signing secret, trimmed; blank means not configured', () => {
    expect(read({ webhook: { secret: ' s3cret ' } }).webhookSecret).toBe('s3cret');
    expect(read({ webhook: { secret: '  ' } }).webhookSecret).toBeUndefined();
    expect(read({}).webhookSecret).toBeUndefined();
  });

  it('refuses a base URL that is not an http(s) URL', () => {
    expect(() => read({ baseUrl: 'circleci.com/api' })).toThrow(/circleci\.baseUrl/);
    expect(() => read({ baseUrl: 'file:///etc/passwd' })).toThrow(/http\(s\)/);
    expect(() => read({ baseUrl: 'https://circleci.com/api?x=1' })).toThrow(/no query/);
  });
});
