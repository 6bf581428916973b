/*
 * Cache lifetimes on fake time: each answer lives as long as the endpoint
 * table says, read from the answer itself; answers that fail their schema
 * check, and refusals, are never cached.
 */
import { LIFETIME_MS } from '@circleci-backstage/plugin-circleci-common';
import { fakeClock, startHarness, type Harness } from '../__testUtils__/harness';

let h: Harness;
let clock: ReturnType<typeof fakeClock>;

beforeEach(async () => {
  clock = fakeClock();
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
  clock.restore();
});

async function direct<T>(path: string): Promise<T> {
  const response = await h.fake.handle(
    new Request(`http://circleci.test/api/${path}`, { headers: { 'Circle-Token': h.fake.token } }),
  );
  return (await response.json()) as T;
}

/** A workflow of gh/acme/rocket's first page with the given status. */
async function workflowWith(status: string): Promise<string> {
  const page = await direct<{ items: Array<{ id: string }> }>('v2/project/gh/acme/rocket/pipeline');
  for (const pipeline of page.items) {
    const workflows = await direct<{ items: Array<{ id: string; status: string }> }>(`v2/pipeline/${pipeline.id}/workflow`);
    const found = workflows.items.find(w => w.status === status);
    if (found) return found.id;
  }
  throw new Error(`no ${status} workflow`);
}

/**
 * Reads `path` now, then just before `lifetimeMs` is over (served from the
 * cache), then just after (asked again): the upstream counts are 1, 1, 2.
 */
async function expectLifetime(path: string, lifetimeMs: number): Promise<void> {
  h.clear();
  const counts: number[] = [];
  const sources: unknown[] = [];
  for (const step of [0, lifetimeMs - 1_000, 2_000]) {
    clock.advance(step);
    const answer = await h.call(path);
    expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    counts.push(h.upstream().length);
    sources.push(answer.headers['x-circleci-cache']);
  }
  expect({ path, counts, sources }).toEqual({ path, counts: [1, 1, 2], sources: ['miss', 'hit', 'miss'] });
}

describe('cache lifetimes', () => {
  it('keeps lists a few seconds', async () => {
    expect(LIFETIME_MS.list).toBeLessThanOrEqual(10_000);
    await expectLifetime('v2/project/gh/acme/rocket/pipeline', LIFETIME_MS.list);
  });

  it('keeps running work no longer than the poll interval, and finished work for a day', async () => {
    const running = await workflowWith('running');
    const finished = await workflowWith('success');
    await expectLifetime(`v2/workflow/${running}`, LIFETIME_MS.live);
    await expectLifetime(`v2/workflow/${finished}`, LIFETIME_MS.final);
    expect(LIFETIME_MS.final).toBeGreaterThanOrEqual(24 * 60 * 60_000);
  });

  it('keeps insights 10 minutes', async () => {
    expect(LIFETIME_MS.slow).toBe(10 * 60_000);
    await expectLifetime('v2/insights/gh/acme/rocket/flaky-tests', LIFETIME_MS.slow);
  });

  it('keeps a step log (text) as long as running work', async () => {
    const job = h.fake.demo.failingJob;
    const path = `private/output/raw/gh/acme/rocket/${job.jobNumber}/output/0/${job.step}`;
    await expectLifetime(path, LIFETIME_MS.live);
    expect((await h.call(path)).text).toContain(job.failingLines[0]);
  });

  it('caches per query: another page or branch is another entry', async () => {
    await h.call('v2/project/gh/acme/rocket/pipeline?branch=main');
    await h.call('v2/project/gh/acme/rocket/pipeline?branch=main');
    await h.call('v2/project/gh/acme/rocket/pipeline');
    expect(h.upstream().map(r => r.path)).toEqual([
      'v2/project/gh/acme/rocket/pipeline?branch=main',
      'v2/project/gh/acme/rocket/pipeline',
    ]);
  });

  it('never caches an answer that fails its schema check, and forwards it as it came', async () => {
    h.fake.failPath({ match: 'GET v2/me', mode: 'wrong-type' });
    const first = await h.call('v2/me');
    const second = await h.call('v2/me');
    expect(first.status).toBe(200);
    expect(second.headers['x-circleci-cache']).toBe('miss');
    expect(h.upstream()).toHaveLength(2);
    const project = /^GET v2\/project\/gh\/acme\/rocket$/;
    h.fake.failPath({ match: project, mode: 'malformed-json', times: 1 });
    h.fake.failPath({ match: project, mode: 'html', times: 1 });
    const malformed = await h.call('v2/project/gh/acme/rocket');
    const html = await h.call('v2/project/gh/acme/rocket');
    expect(() => JSON.parse(malformed.text)).toThrow();
    expect(html.text).toMatch(/<html/i);
    const good = await h.call('v2/project/gh/acme/rocket');
    expect(good.json().slug).toBe('gh/acme/rocket');
    expect(h.upstream()).toHaveLength(5);
  });
});
