/*
 * The cost of a workflow page left open on a workflow that waits for an
 * approval: nothing changes there until someone approves, so it is re-read
 * when the user comes back to the page (visibilitychange), not on a timer.
 */
import { screen } from '@testing-library/react';
import { renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { advance, settle } from '../../../__testUtils__/timers';
import { setVisibility } from '../../../query/__testUtils__/harness';
import { TabRoutes } from '../../tab/TabRoutes';

jest.setTimeout(60_000);
const ctx = setupFakeCircleCI();

describe('a workflow page on a workflow on hold', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => {
    setVisibility('visible');
    jest.useRealTimers();
  });

  it('sends no request in 5 minutes on a timer, and re-reads once when the page becomes visible again', async () => {
    const { approval } = ctx.fake.demo;
    const ofWorkflow = () =>
      ctx.fake.requests.filter(r => r.path.startsWith(`v2/workflow/${approval.workflowId}`)).map(r => r.path);
    await renderWithEntity({
      element: <TabRoutes />,
      slug: 'gh/acme/rocket',
      routeEntries: [`/workflows/${approval.workflowId}`],
    });
    await screen.findAllByTestId('workflow-job', {}, { timeout: 10_000 });
    await settle();
    // The first paint: the workflow and its jobs, one request each.
    expect(ofWorkflow()).toEqual([`v2/workflow/${approval.workflowId}`, `v2/workflow/${approval.workflowId}/job`]);
    await advance(5 * 60_000);
    await settle();
    const inFiveMinutes = ofWorkflow().length - 2;
    // eslint-disable-next-line no-console
    console.info(`on-hold workflow page: ${inFiveMinutes} requests in 5 minutes`);
    expect(inFiveMinutes).toBe(0);
    // The user switches away and back: the workflow and its jobs are read again, once.
    setVisibility('hidden');
    await advance(1000);
    setVisibility('visible');
    await advance(1000);
    await settle();
    expect(ofWorkflow()).toHaveLength(4);
    expect(ofWorkflow().slice(2)).toEqual(ofWorkflow().slice(0, 2));
    // Still no timer afterwards.
    await advance(60_000);
    expect(ofWorkflow()).toHaveLength(4);
  });
});
