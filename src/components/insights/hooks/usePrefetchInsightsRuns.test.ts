import { createElement, ReactNode } from 'react';
import { renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { circleCIApiRef } from '../../../api/CircleCIApi';
import { parseWorkflowsAnnotation, WorkflowScope } from '../../../domain/workflowScope';
import { createTestClient, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { workflowMetricsQuery } from '../../../query/insightsQueries';
import { queryClientFor } from '../../../query/queryClient';
import { usePrefetchInsightsRuns } from './usePrefetchInsightsRuns';

const ctx = setupFakeCircleCI();
const SLUG = 'gh/acme/rocket';
const runsRequests = () =>
  ctx.fake.requests.filter(r => /^v2\/insights\/gh\/acme\/rocket\/workflows\/[^/?]+(\?|$)/.test(r.path));

function mount(workflowScope?: WorkflowScope) {
  const api = createTestClient();
  const wrapper = (props: { children: ReactNode }) =>
    createElement(TestApiProvider, { apis: [[circleCIApiRef, api]], children: props.children });
  renderHook(
    () =>
      usePrefetchInsightsRuns({
        slug: SLUG,
        scope: { kind: 'default' },
        reportingWindow: 'last-30-days',
        workflowScope,
      }),
    { wrapper },
  );
  return { api, queryClient: queryClientFor(api) };
}

describe('usePrefetchInsightsRuns', () => {
  it('sends one runs request per workflow as soon as the metrics arrive, with nothing rendering them', async () => {
    const { api, queryClient } = mount();
    expect(runsRequests()).toHaveLength(0);
    const metrics = await queryClient.fetchQuery(
      workflowMetricsQuery({ api, slug: SLUG, scope: { kind: 'default' }, reportingWindow: 'last-30-days' }),
    );
    expect(metrics.length).toBeGreaterThan(1);
    await waitFor(() => expect(runsRequests()).toHaveLength(metrics.length));
    const names = runsRequests().map(r => decodeURIComponent(r.path.split('/').pop()!.split('?')[0]));
    expect(names.sort()).toEqual(metrics.map(m => m.name).sort());
  });

  it("leaves out the workflows outside the component's scope, and ignores other windows", async () => {
    const { api, queryClient } = mount(parseWorkflowsAnnotation('build-and-test'));
    await queryClient.fetchQuery(
      workflowMetricsQuery({ api, slug: SLUG, scope: { kind: 'default' }, reportingWindow: 'last-7-days' }),
    );
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(runsRequests()).toHaveLength(0);
    await queryClient.fetchQuery(
      workflowMetricsQuery({ api, slug: SLUG, scope: { kind: 'default' }, reportingWindow: 'last-30-days' }),
    );
    await waitFor(() => expect(runsRequests()).toHaveLength(1));
    expect(runsRequests()[0].path).toMatch(/\/build-and-test\?start-date=/);
  });
});
