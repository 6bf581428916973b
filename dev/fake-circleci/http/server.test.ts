/**
 * @jest-environment node
 */

/*
 * The fake CircleCI behind a real node:http server on an ephemeral port.
 */

import { startFakeCircleCIServer, type FakeCircleCIServer } from './server';

describe('fake CircleCI server', () => {
  let server: FakeCircleCIServer;
  beforeAll(async () => {
    server = await startFakeCircleCIServer({ port: 0, token: 'server-token' });
  });
  afterAll(() => server.close());

  const api = (path: string, init?: RequestInit) => fetch(`${server.url}/api/${path}`, init);
  const control = (path: string, body?: unknown) =>
    fetch(`${server.url}/__fake/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const auth = { headers: { 'Circle-Token': 'server-token' } };

  it('serves the API with the token and 401 without', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const pipelines = await api('v2/project/gh/acme/rocket/pipeline', auth);
    expect(pipelines.status).toBe(200);
    expect(((await pipelines.json()) as { items: unknown[] }).items).toHaveLength(20);
    const denied = await api('v2/me');
    expect([denied.status, await denied.json()]).toEqual([
      401,
      { message: 'You must log in first.' },
    ]);
    const log = await api(
      `private/output/raw/gh/acme/rocket/${server.fake.demo.failingJob.jobNumber}/output/0/104`,
      auth,
    );
    expect(log.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await log.text()).toContain('Error: expected 42 but got 41');
  });

  it('accepts writes with a JSON body', async () => {
    const created = await api('v2/project/gh/acme/rocket/pipeline', {
      method: 'POST',
      headers: { ...auth.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ branch: 'main' }),
    });
    expect(created.status).toBe(201);
    expect(await control('reset', {})).toHaveProperty('status', 200);
  });

  it('drops the connection for a drop rule, and has control endpoints', async () => {
    expect((await control('health')).status).toBe(200);
    expect((await control('fail', { match: '^GET v2/me$', mode: 'drop', times: 1 })).status).toBe(
      200,
    );
    await expect(api('v2/me', auth)).rejects.toThrow();
    expect((await api('v2/me', auth)).status).toBe(200);
    await control('fail', { match: 'v2/me', status: 429, retryAfter: '7' });
    const limited = await api('v2/me', auth);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
    await control('clear-failures', {});
    await control('latency', { ms: 5 });
    expect(server.fake.latencyMs).toBe(5);
    await control('latency', { ms: 0 });
    const log = (await (await control('requests')).json()) as {
      requests: Array<{ method: string; path: string }>;
    };
    expect(log.requests.some(r => r.path === 'v2/me')).toBe(true);
    await control('clear-requests', {});
    expect(server.fake.requests).toHaveLength(0);
  });

  it('sets the huge log size with POST /__fake/huge-log-lines', async () => {
    const { projectSlug, jobNumber, step } = server.fake.demo.hugeLogJob;
    const hugeLog = async () =>
      (await api(`private/output/raw/${projectSlug}/${jobNumber}/output/0/${step}`, auth)).text();
    const answer = await control('huge-log-lines', { lines: 1_000 });
    expect([answer.status, await answer.json()]).toEqual([200, { ok: true, lines: 1_000 }]);
    expect(server.fake.hugeLogLines).toBe(1_000);
    expect((await hugeLog()).split('\n').length - 1).toBe(1_000);
    const invalid = [{ lines: 0 }, { lines: 2_000_000 }, { lines: 10.5 }, { lines: '100' }, {}];
    for (const body of invalid) {
      const bad = await control('huge-log-lines', body);
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await bad.json()).toEqual({ message: expect.stringContaining('lines') });
    }
    expect(server.fake.hugeLogLines).toBe(1_000);
    expect((await control('huge-log-lines', { lines: 5 })).status).toBe(200);
    expect((await control('huge-log-lines', { lines: 1_000_000 })).status).toBe(200);
    expect(server.fake.hugeLogLines).toBe(1_000_000);
    await control('reset', {});
    expect(server.fake.hugeLogLines).toBe(1_000_000);
    await control('huge-log-lines', { lines: 200_000 });
  });

  it('turns quirks on and off with /__fake/quirks and /__fake/clear-quirks', async () => {
    const me = async () => ((await (await api('v2/me', auth)).json()) as { name: unknown }).name;
    const off = {
      meNameNull: false,
      jobStatusNull: false,
      legacyAcceptedPosts: false,
      workflowStoppedAtEmpty: false,
    };
    expect(await (await control('quirks')).json()).toEqual({ quirks: off });
    const on = await control('quirks', { meNameNull: true, legacyAcceptedPosts: true });
    expect([on.status, await on.json()]).toEqual([
      200,
      { ok: true, quirks: { ...off, meNameNull: true, legacyAcceptedPosts: true } },
    ]);
    expect(await me()).toBeNull();
    const rerun = await api(`v2/workflow/${server.fake.demo.failingJob.workflowId}/rerun`, {
      method: 'POST',
      headers: { ...auth.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ from_failed: true }),
    });
    expect([rerun.status, await rerun.json()]).toEqual([202, { message: 'Accepted.' }]);
    await control('quirks', { legacyAcceptedPosts: false });
    expect(server.fake.quirks).toEqual({ ...off, meNameNull: true });
    for (const body of [{ nope: true }, { meNameNull: 1 }]) {
      const bad = await control('quirks', body);
      expect([bad.status, await bad.json()]).toEqual([
        400,
        { message: expect.stringMatching(/quirk/) },
      ]);
    }
    const cleared = await control('clear-quirks', {});
    expect(await cleared.json()).toEqual({ ok: true, quirks: off });
    expect(await me()).toBe('Ada Lovelace');
    await control('reset', {});
  });
});
