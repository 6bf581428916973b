/*
 * The upstream client against the fake CircleCI: the token header, the
 * timeout, GET retries on network errors only within the bound, POSTs
 * never retried, and the 429 window opened for every later call.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { startFakeCircleCIServer, type FakeCircleCIServer } from '../../../dev/fake-circleci/server';
import { createUpstreamClient, type UpstreamClientOptions } from './client';
import { RateLimitedError, UpstreamUnavailableError } from './errors';
import { createRateLimitPause } from './pause';

let server: FakeCircleCIServer;

beforeAll(async () => {
  server = await startFakeCircleCIServer({ seed: 1 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.fake.clearRequests();
  server.fake.clearFailures();
  server.fake.setLatency(0);
});

function client(overrides: Partial<UpstreamClientOptions> = {}) {
  const now = () => Date.now();
  return createUpstreamClient({
    baseUrl: `${server.url}/api`,
    token: server.fake.token,
    pause: createRateLimitPause({ key: 'k', now }),
    now,
    retryDelayMs: 1,
    ...overrides,
  });
}

describe('createUpstreamClient', () => {
  it('sends the token and the query, and answers what CircleCI answers', async () => {
    const answer = await client().get({ path: 'v2/project/gh/acme/rocket/pipeline', query: { branch: 'main' } });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/json/);
    expect(server.fake.requests.map(r => r.path)).toEqual(['v2/project/gh/acme/rocket/pipeline?branch=main']);
    const refused = await client({ token: 'wrong' }).get({ path: 'v2/me', query: {} });
    expect(refused.status).toBe(401);
  });

  it('gives up after the timeout, without retrying', async () => {
    server.fake.setLatency(300);
    await expect(client({ timeoutMs: 50 }).get({ path: 'v2/me', query: {} })).rejects.toMatchObject({
      name: 'UpstreamUnavailableError',
      reason: 'timeout',
    });
    expect(server.fake.requests).toHaveLength(1);
  });

  it('retries a GET once after a network error, and never a POST', async () => {
    let connections = 0;
    const dropping = http.createServer((req, _res) => {
      connections += 1;
      req.socket.destroy();
    });
    await new Promise<void>(resolve => dropping.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(dropping.address() as AddressInfo).port}/api`;
    try {
      const c = client({ baseUrl });
      await expect(c.get({ path: 'v2/me', query: {} })).rejects.toBeInstanceOf(UpstreamUnavailableError);
      expect(connections).toBe(2);
      await expect(c.post({ path: 'v2/workflow/x/cancel', body: undefined })).rejects.toBeInstanceOf(
        UpstreamUnavailableError,
      );
      expect(connections).toBe(3);
    } finally {
      dropping.closeAllConnections();
      await new Promise(resolve => dropping.close(resolve));
    }
  });

  it('opens the 429 window for every later call, sending nothing while it is open', async () => {
    const c = client();
    server.fake.failPath({ match: 'GET v2/me', status: 429, retryAfter: '30', times: 1 });
    await expect(c.get({ path: 'v2/me', query: {} })).rejects.toBeInstanceOf(RateLimitedError);
    const later = c.post({ path: 'v2/workflow/x/cancel', body: {} });
    await expect(later).rejects.toMatchObject({ name: 'RateLimitedError' });
    await expect(later).rejects.toThrow(/resume in (29|30) s/);
    expect(server.fake.requests).toHaveLength(1);
  });
});
