/*
 * CircleCI's 429: the window pauses every upstream call for its
 * Retry-After; reads are served stale from the cache, marked, or refused
 * with a clear 503 and the wait.
 */
import { fakeClock, startHarness, type Harness } from '../__testUtils__/harness';

let h: Harness;
let clock: ReturnType<typeof fakeClock>;

beforeEach(async () => {
  clock = fakeClock();
  h = await startHarness({ actionsEnabled: true });
});
afterEach(async () => {
  await h.stop();
  clock.restore();
});

const LIST = 'v2/project/gh/acme/rocket/pipeline';

describe('the 429 window', () => {
  it('serves the cached answer, marked stale, and refuses what is not cached with 503, sending nothing', async () => {
    const storedAt = clock.now();
    const fresh = await h.call(LIST);
    clock.advance(6_000);
    h.fake.failPath({ match: 'GET ', status: 429, retryAfter: '30', times: 1 });
    h.clear();

    const stale = await h.call(LIST);
    expect(stale.status).toBe(200);
    expect(stale.text).toBe(fresh.text);
    expect(stale.headers['x-circleci-cache']).toBe('stale');
    expect(stale.headers['x-circleci-stale-at']).toBe(new Date(storedAt).toISOString());
    expect(stale.headers['retry-after']).toBe('30');
    expect(stale.headers['access-control-expose-headers']).toContain('x-circleci-stale-at');
    expect(h.upstream()).toHaveLength(1); // the 429 itself

    clock.advance(10_000);
    const none = await h.call('v2/project/gh/acme/rocket');
    expect(none.status).toBe(503);
    expect(none.headers['retry-after']).toBe('20');
    expect(none.json().message).toMatch(/rate-limiting.*20 s/);

    const action = await h.call(`v2/workflow/${h.fake.demo.failingJob.workflowId}/rerun?entity=component:default/rocket`, {
      method: 'POST',
      body: { from_failed: true },
    });
    expect(action.status).toBe(503);
    expect(action.headers['retry-after']).toBe('20');
    expect(h.upstream()).toHaveLength(1);

    clock.advance(20_001);
    const after = await h.call('v2/project/gh/acme/rocket');
    expect(after.status).toBe(200);
    expect(h.upstream()).toHaveLength(2);
  });

  it('serves the aggregate stale as a whole while the window is open', async () => {
    const fresh = await h.call('pipelines?project=gh/acme/rocket');
    clock.advance(11_000);
    h.fake.failPath({ match: 'GET ', status: 429, retryAfter: '5', times: 1 });
    h.clear();
    const stale = await h.call('pipelines?project=gh/acme/rocket');
    expect(stale.status).toBe(200);
    expect(stale.json()).toEqual(fresh.json());
    expect(stale.headers['x-circleci-cache']).toBe('stale');
    expect(stale.headers['x-circleci-stale-at']).toEqual(expect.any(String));
    expect(stale.headers['retry-after']).toBe('5');
    expect(h.upstream()).toHaveLength(1);
  });

  it('waits 60 s when the 429 has no Retry-After, and keeps no entry past its stale window', async () => {
    await h.call(LIST);
    clock.advance(2 * 60 * 60_000);
    h.fake.failPath({ match: 'GET ', status: 429, times: 1 });
    const answer = await h.call(LIST);
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('60');
  });
});
