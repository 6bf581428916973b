import { waitFor } from '@testing-library/react';
import { createTestClient, setupFakeCircleCI } from '../__testUtils__/setup';
import { useWorkflow } from '../components/workflow/hooks/useWorkflow';
import { advance, holdingFetch, renderWithApi, setVisibility, settle } from './__testUtils__/harness';
import { workflowKey } from './keys';
import { createCircleCIQueryClient, MAX_QUERIES, queryClientFor } from './queryClient';
import { workflowQuery } from './resourceQueries';

const ctx = setupFakeCircleCI();

/** Requests the fake has seen for one workflow. */
function workflowReads(workflowId: string): number {
  return ctx.fake.requests.filter(r => r.path === `v2/workflow/${workflowId}`).length;
}

/** Fills the client's cache with `count` values newer than anything read before. */
function fill(options: { queryClient: ReturnType<typeof createCircleCIQueryClient>; count: number }): void {
  const now = Date.now();
  for (let i = 0; i < options.count; i++) {
    options.queryClient.setQueryData(['circleci', 'filler', i], i, { updatedAt: now + 1 + i });
  }
}

describe('the plugin query client, at its bound', () => {
  it('keeps MAX_QUERIES queries, dropping the least recently updated unobserved one, which is then read again', async () => {
    const api = createTestClient();
    const queryClient = createCircleCIQueryClient();
    const { workflowId } = ctx.fake.demo.approval;
    await queryClient.fetchQuery(workflowQuery({ api, workflowId }));
    // Within its 30 s, a kept value is served without a request.
    await queryClient.fetchQuery(workflowQuery({ api, workflowId }));
    expect(workflowReads(workflowId)).toBe(1);

    fill({ queryClient, count: MAX_QUERIES - 1 });
    expect(queryClient.getQueryCache().getAll()).toHaveLength(MAX_QUERIES);
    expect(queryClient.getQueryState(workflowKey(workflowId))?.status).toBe('success');

    fill({ queryClient, count: MAX_QUERIES });
    expect(queryClient.getQueryCache().getAll()).toHaveLength(MAX_QUERIES);
    expect(queryClient.getQueryState(workflowKey(workflowId))).toBeUndefined();
    await queryClient.fetchQuery(workflowQuery({ api, workflowId }));
    expect(workflowReads(workflowId)).toBe(2);
  });

  it('never drops the query it is adding, nor one that is observed', async () => {
    const api = createTestClient();
    const queryClient = queryClientFor(api);
    const { workflowId } = ctx.fake.demo.approval;
    fill({ queryClient, count: MAX_QUERIES });
    // The new query is the oldest by its (empty) data, but it is the one asked for.
    const first = renderWithApi({ api, useHook: () => useWorkflow({ workflowId }) });
    await waitFor(() => expect(first.result.current.value?.id).toBe(workflowId));
    expect(queryClient.getQueryCache().getAll()).toHaveLength(MAX_QUERIES);
    // Observed, it outlives a cache full of newer values.
    fill({ queryClient, count: MAX_QUERIES });
    const second = renderWithApi({ api, useHook: () => useWorkflow({ workflowId }) });
    expect(second.result.current.value?.id).toBe(workflowId);
    expect(workflowReads(workflowId)).toBe(1);
    first.unmount();
    second.unmount();
  });
});

describe('the plugin query client, while the page is hidden', () => {
  afterEach(() => {
    setVisibility('visible');
    jest.useRealTimers();
  });

  it('polls nothing, and polls again once the page is shown', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const api = createTestClient();
    // A running workflow (rocket's second newest pipeline runs for about 5 minutes): polled every 10 s.
    const rocket = ctx.fake.state.projects.find(p => p.slug === 'gh/acme/rocket')!;
    const pipelineNumber = Math.max(...rocket.pipelines.map(p => p.number)) - 1;
    const workflowId = ctx.fake.findWorkflow({ projectSlug: rocket.slug, pipelineNumber })!;
    const { result, unmount } = renderWithApi({ api, useHook: () => useWorkflow({ workflowId }) });
    await advance(1000);
    expect(result.current.live).toBe(true);
    expect(workflowReads(workflowId)).toBe(1);
    await advance(60_000);
    expect(workflowReads(workflowId)).toBe(7);

    setVisibility('hidden');
    await advance(5 * 60_000);
    expect(workflowReads(workflowId)).toBe(7);

    setVisibility('visible');
    await advance(10_000);
    expect(workflowReads(workflowId)).toBe(8);
    unmount();
  });

  it('cancels a read in flight when the page hides, and sends it again when it is shown', async () => {
    const held = holdingFetch();
    const api = createTestClient({ fetch: held.fetch });
    const { workflowId } = ctx.fake.demo.approval;
    const { result, unmount } = renderWithApi({ api, useHook: () => useWorkflow({ workflowId }) });
    await waitFor(() => expect(held.calls).toHaveLength(1));
    setVisibility('hidden');
    expect(held.calls[0].signal?.aborted).toBe(true);
    await settle();
    expect(held.calls).toHaveLength(1);

    held.state.holding = false;
    setVisibility('visible');
    await waitFor(() => expect(result.current.value?.id).toBe(workflowId));
    expect(held.calls).toHaveLength(2);
    // The cancelled read never reached CircleCI; the second did, once.
    expect(workflowReads(workflowId)).toBe(1);
    unmount();
  });
});
