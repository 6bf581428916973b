/**
 * @jest-environment node
 */

/*
 * The fake CircleCI's msw handlers (a simulated Backstage proxy endpoint).
 */

import { setupServer } from 'msw/node';
import { createFakeCircleCI, createFakeCircleCIHandlers } from '..';

const setup = () => ({ fake: createFakeCircleCI({ seed: 1 }) });

describe('fake CircleCI: msw handlers', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  const base = 'http://localhost:7007/api/proxy/circleci/api';

  it('adds the token like the proxy, unless injectToken is false', async () => {
    const { fake } = setup();
    server.use(...createFakeCircleCIHandlers({ fake, baseUrl: base }));
    const ok = await fetch(`${base}/v2/project/gh/acme/rocket/pipeline?branch=main`);
    expect(ok.status).toBe(200);
    expect(fake.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'GET v2/project/gh/acme/rocket/pipeline?branch=main',
    ]);
    server.resetHandlers(
      ...createFakeCircleCIHandlers({ fake, baseUrl: base, injectToken: false }),
    );
    expect((await fetch(`${base}/v2/me`)).status).toBe(401);
    const withToken = await fetch(`${base}/v2/me`, { headers: { 'Circle-Token': fake.token } });
    expect(withToken.status).toBe(200);
  });

  it('turns a dropped connection into a network error', async () => {
    const { fake } = setup();
    server.use(...createFakeCircleCIHandlers({ fake, baseUrl: base }));
    fake.failPath({ match: 'v2/me', mode: 'drop', times: 1 });
    await expect(fetch(`${base}/v2/me`)).rejects.toThrow();
    expect((await fetch(`${base}/v2/me`)).status).toBe(200);
  });
});
