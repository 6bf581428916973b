import { act } from '@testing-library/react';
import { createTestClient, setupFakeCircleCI } from '../__testUtils__/setup';
import { holdingFetch, renderWithApi, settle } from './__testUtils__/harness';
import { workflowsKey } from './keys';
import { queryClientFor } from './queryClient';
import { useCircleCIQueries } from './useCircleCIQueries';
import { WORKFLOW_CONCURRENCY, workflowsQuery } from './workflowQueries';

const ctx = setupFakeCircleCI();

const workflowReads = () => ctx.fake.requests.filter(r => /^v2\/pipeline\/[^/]+\/workflow$/.test(r.path));

/** Lets fake time run one animation frame. */
async function nextFrame(): Promise<void> {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(20);
  });
  await settle();
}

describe('many queries at once (useCircleCIQueries over useBatchedQueries)', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('sends at most WORKFLOW_CONCURRENCY workflow requests at once, each once, and renders their answers once per frame', async () => {
    const held = holdingFetch();
    const api = createTestClient({ fetch: held.fetch });
    held.state.holding = false;
    const { items } = await api.listPipelines({ projectSlug: 'gh/acme/rocket' });
    const pipelineIds = items.map(p => p.id);
    expect(pipelineIds).toHaveLength(20);
    held.state.holding = true;
    const before = held.calls.length;

    let renders = 0;
    const { result, unmount } = renderWithApi({
      api,
      useHook: () => {
        renders++;
        return useCircleCIQueries({
          queries: context => pipelineIds.map(pipelineId => workflowsQuery({ ...context, pipelineId })),
        });
      },
    });
    await settle();
    // The first 12 are sent; the gate holds the other 8.
    expect(held.calls.length - before).toBe(WORKFLOW_CONCURRENCY);
    expect(result.current.every(s => s.loading)).toBe(true);

    // The 12 answers arrive together: nothing renders until the next frame, which renders them all.
    const rendered = renders;
    held.release();
    const queryClient = queryClientFor(api);
    const answered = () => pipelineIds.filter(id => queryClient.getQueryState(workflowsKey(id))?.data).length;
    for (let i = 0; i < 20 && answered() < WORKFLOW_CONCURRENCY; i++) await settle();
    expect(answered()).toBe(WORKFLOW_CONCURRENCY);
    expect(renders).toBe(rendered);
    await nextFrame();
    expect(renders).toBe(rendered + 1);
    expect(result.current.filter(s => s.value !== undefined)).toHaveLength(WORKFLOW_CONCURRENCY);

    // The other 8 went out as places freed, never more than 12 under way.
    expect(held.calls.length - before).toBe(pipelineIds.length);
    held.state.holding = false;
    held.release();
    for (let i = 0; i < 20 && answered() < pipelineIds.length; i++) await settle();
    await nextFrame();
    expect(result.current.every(s => s.value !== undefined)).toBe(true);
    expect(held.peak).toBeLessThanOrEqual(WORKFLOW_CONCURRENCY);
    expect(workflowReads()).toHaveLength(pipelineIds.length);
    expect(new Set(workflowReads().map(r => r.path)).size).toBe(pipelineIds.length);
    unmount();
  });
});
