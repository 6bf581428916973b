import { createTestClient, setupFakeCircleCI } from '../__testUtils__/setup';
import { useWorkflow } from '../components/workflow/hooks/useWorkflow';
import { advance, renderWithApi } from './__testUtils__/harness';
import { MAX_BACKOFF_MS, POLL_INTERVAL_MS, pollInterval, recordOutcome } from './pollRule';
import type { Query, QueryKey } from '@tanstack/react-query';

const ctx = setupFakeCircleCI();

type Status = { status: string };

/** A query as the poll rule sees it: its data only. */
function queryWith(data: Status | undefined): Query<Status, Error, Status, QueryKey> {
  return { state: { data } } as unknown as Query<Status, Error, Status, QueryKey>;
}

describe('pollInterval', () => {
  const interval = pollInterval<Status>(s => s.status === 'running');

  it('polls live work every 10 s, doubling after each failed read up to 2 minutes, and from 10 s again after a success', () => {
    const query = queryWith({ status: 'running' });
    const seen: Array<number | false> = [interval(query)];
    for (let i = 0; i < 6; i++) {
      recordOutcome({ query, failed: true });
      seen.push(interval(query));
    }
    recordOutcome({ query, failed: false });
    seen.push(interval(query));
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 120_000, 120_000, 120_000, 10_000]);
    expect(POLL_INTERVAL_MS).toBe(10_000);
    expect(MAX_BACKOFF_MS).toBe(120_000);
  });

  it('sets no timer for finished work, for work not read yet, or without a live rule', () => {
    expect(interval(queryWith({ status: 'success' }))).toBe(false);
    expect(interval(queryWith(undefined))).toBe(false);
    expect(pollInterval<Status>(undefined)(queryWith({ status: 'running' }))).toBe(false);
  });
});

describe('a polled resource against a failing CircleCI', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('waits 10, 20, 40 and 80 s between reads while they fail, then 10 s again', async () => {
    const api = createTestClient();
    // A workflow that runs for about 5 minutes (an approval on hold is not polled on a timer).
    const rocket = ctx.fake.state.projects.find(p => p.slug === 'gh/acme/rocket')!;
    const pipelineNumber = Math.max(...rocket.pipelines.map(p => p.number)) - 1;
    const workflowId = ctx.fake.findWorkflow({ projectSlug: rocket.slug, pipelineNumber })!;
    const path = `v2/workflow/${workflowId}`;
    const { result, unmount } = renderWithApi({ api, useHook: () => useWorkflow({ workflowId }) });
    await advance(1000);
    expect(result.current.live).toBe(true);
    // Three failed reads (500 is not retried by the transport: one request each).
    ctx.fake.failPath({ match: `GET ${path}`, status: 500, times: 3 });
    await advance(10_000 + 20_000 + 40_000 + 80_000 + 10_000);
    const times = ctx.fake.requests.filter(r => r.path === path).map(r => r.time);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    expect(gaps).toEqual([10_000, 20_000, 40_000, 80_000, 10_000]);
    // The value read before the failures stays, with the last error shown until a read succeeds.
    expect(result.current.value?.id).toBe(workflowId);
    expect(result.current.error).toBeUndefined();
    unmount();
  });
});
