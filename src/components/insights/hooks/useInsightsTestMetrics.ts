import type { TestMetrics } from '@circleci-backstage/plugin-circleci-common';
import type { InsightsBranchScope } from '../../../domain/insights';
import { testMetricsQuery } from '../../../query/insightsQueries';
import { type ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';

/**
 * The most failed and slowest tests of a workflow
 * (`.../workflows/{name}/test-metrics`), read when the view shows them
 * (on demand). Cached, never polled.
 */
export function useInsightsTestMetrics(options: {
  slug: string;
  scope: InsightsBranchScope;
  workflowName: string;
}): ResourceState<TestMetrics> {
  return useCircleCIQuery({ query: ({ api }) => testMetricsQuery({ api, ...options }) });
}
