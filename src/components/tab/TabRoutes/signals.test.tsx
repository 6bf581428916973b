/*
 * Live updates through CircleCI signals, in backend mode: the real client
 * against the fake backend plugin and the fake CircleCI, with a test double
 * of Backstage's signals API (`signalApiRef`). The fake backend answers a
 * probe by publishing it on the test signals API. A signal re-reads what it
 * names and nothing else: the browser's requests are counted at the
 * backend, the upstream ones at the fake.
 */
import { screen } from '@testing-library/react';
import { callFake } from '../../../../dev/fake-circleci/testing';
import { createTestClient, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { createTestSignalApi } from '../../../__testUtils__/signals';
import { unmountAndRelease, CHANNEL, PROBE, ROCKET, completion, pastTheProbe, signalsTabHelpers } from '../../../__testUtils__/signalsTab';
import { advance, settle } from '../../../__testUtils__/timers';
import { signalsLive } from '../../../query/signalsLive';
import { PROBE_DELAY_MS, RELEASE_GRACE_MS } from '../../../query/signalWatch';
import { EntityRecentCircleCIPipelinesCard } from '../../../plugin';

jest.setTimeout(60_000);

const ctx = setupFakeCircleCI({ backend: true });
const { renderTab, workflowOf, readsSince } = signalsTabHelpers(ctx);

beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
afterEach(() => jest.useRealTimers());

describe('live updates with signals (backend mode)', () => {
  it("the pipelines tab: a workflow's completion re-reads that pipeline's workflows, nothing else", async () => {
    const signals = createTestSignalApi();
    const { unmount } = await renderTab({ signals });
    expect(await screen.findByText('#1264')).toBeInTheDocument();
    await pastTheProbe();
    expect(signals.channels).toContain(CHANNEL);
    // Answered, but no completion yet: no proof that this project's webhooks arrive.
    expect(signalsLive()).toBe(false);
    const { workflowId, pipelineId } = workflowOf(1264);
    const from = ctx.backend.requests.length;
    ctx.fake.clearRequests();
    signals.publish(CHANNEL, completion({ kind: 'workflow-completed', workflowId, pipelineId, pipelineNumber: 1264 }));
    await advance(1000);
    await settle();
    expect(readsSince(from)).toEqual([`GET v2/pipeline/${pipelineId}/workflow`]);
    expect(ctx.fake.requests.map(r => `${r.method} ${r.path}`)).toEqual([`GET v2/pipeline/${pipelineId}/workflow`]);
    expect(signalsLive()).toBe(true);
    await unmountAndRelease(unmount);
    expect(signalsLive()).toBe(false);
  });

  it("the pipelines tab: a new pipeline's signal re-reads the list's first page, once for many signals", async () => {
    const signals = createTestSignalApi();
    const { unmount } = await renderTab({ signals });
    expect(await screen.findByText('#1264')).toBeInTheDocument();
    await pastTheProbe();
    const from = ctx.backend.requests.length;
    for (const kind of ['job-completed', 'job-completed', 'workflow-completed'] as const) {
      signals.publish(CHANNEL, completion({ kind, workflowId: 'wf-new', pipelineId: 'p-new', pipelineNumber: 9999 }));
    }
    await advance(1000);
    await settle();
    expect(readsSince(from)).toEqual(['GET pipelines?project=gh%2Facme%2Frocket']);
    await unmountAndRelease(unmount);
  });

  it('the workflow page: a completion re-reads the workflow and its jobs', async () => {
    const signals = createTestSignalApi();
    const { workflowId, pipelineId } = workflowOf(1264);
    const { unmount } = await renderTab({ signals, route: `/workflows/${workflowId}` });
    await pastTheProbe();
    const from = ctx.backend.requests.length;
    signals.publish(CHANNEL, completion({ kind: 'workflow-completed', workflowId, pipelineId, pipelineNumber: 1264 }));
    await advance(1000);
    await settle();
    expect(readsSince(from).sort()).toEqual([`GET v2/workflow/${workflowId}`, `GET v2/workflow/${workflowId}/job`].sort());
    await unmountAndRelease(unmount);
  });

  it("the job page: a job's completion re-reads the job and its steps; another workflow's signal reads nothing", async () => {
    const signals = createTestSignalApi();
    const { workflowId, pipelineId } = workflowOf(1264);
    const jobs = (await callFake({ fake: ctx.fake, path: `v2/workflow/${workflowId}/job` })).json<{
      items: Array<{ job_number?: number }>;
    }>();
    const jobNumber = jobs.items.find(j => j.job_number !== undefined)!.job_number!;
    const { unmount } = await renderTab({ signals, route: `/jobs/${jobNumber}` });
    await pastTheProbe();
    let from = ctx.backend.requests.length;
    const other = workflowOf(1261);
    signals.publish(CHANNEL, completion({ kind: 'workflow-completed', ...other, pipelineNumber: 1261 }));
    await advance(1000);
    await settle();
    expect(readsSince(from)).toEqual([]);
    from = ctx.backend.requests.length;
    signals.publish(CHANNEL, completion({ kind: 'job-completed', workflowId, pipelineId, jobNumber, pipelineNumber: 1264 }));
    await advance(1000);
    await settle();
    expect(readsSince(from).sort()).toEqual(
      [`GET v2/project/${ROCKET}/job/${jobNumber}`, `GET v1.1/project/github/acme/rocket/${jobNumber}`].sort(),
    );
    await unmountAndRelease(unmount);
  });
});

describe('moving between the views of the tab', () => {
  it('keeps the watch, its live state and its proof: no second probe', async () => {
    const signals = createTestSignalApi();
    const client = createTestClient({ backend: true });
    const first = await renderTab({ signals, client });
    expect(await screen.findByText('#1264')).toBeInTheDocument();
    await pastTheProbe();
    signals.publish(CHANNEL, completion({ kind: 'workflow-completed', ...workflowOf(1261), pipelineNumber: 1261 }));
    await advance(1000);
    expect(signalsLive()).toBe(true);
    first.unmount();
    const { workflowId } = workflowOf(1264);
    const second = await renderTab({ signals, client, route: `/workflows/${workflowId}` });
    await advance(RELEASE_GRACE_MS + PROBE_DELAY_MS + 1000);
    expect(signalsLive()).toBe(true);
    expect(ctx.backend.requests.filter(r => r === PROBE)).toHaveLength(1);
    expect(signals.channels).toEqual([CHANNEL]);
    await unmountAndRelease(second.unmount);
    expect(signalsLive()).toBe(false);
    expect(signals.channels).toEqual([]);
  });
});

describe('live updates of the cards', () => {
  it('recent pipelines: a completion re-reads that pipeline\'s workflows; a new pipeline the first page', async () => {
    const signals = createTestSignalApi();
    const { unmount } = await renderTab({ signals, element: <EntityRecentCircleCIPipelinesCard /> });
    expect(await screen.findByText('#1264')).toBeInTheDocument();
    await pastTheProbe();
    const { workflowId, pipelineId } = workflowOf(1264);
    let from = ctx.backend.requests.length;
    signals.publish(CHANNEL, completion({ kind: 'workflow-completed', workflowId, pipelineId, pipelineNumber: 1264 }));
    await advance(1000);
    await settle();
    expect(readsSince(from)).toEqual([`GET v2/pipeline/${pipelineId}/workflow`]);
    from = ctx.backend.requests.length;
    signals.publish(CHANNEL, completion({ kind: 'workflow-completed', workflowId: 'wf-new', pipelineId: 'p-new', pipelineNumber: 9999 }));
    await advance(1000);
    await settle();
    expect(readsSince(from)).toEqual(['GET pipelines?project=gh%2Facme%2Frocket']);
    await unmountAndRelease(unmount);
  });
});
