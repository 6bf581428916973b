import { useQuery } from '@tanstack/react-query';
import type { TestMetrics } from '../../../common/insightsTypes';
import type { InsightsBranchScope } from '../../../domain/insights';
import { InsightsState, insightsState, testMetricsQuery } from '../../../query/insightsQueries';
import { useCircleCIQueryClient } from '../../../query/useCircleCIQueryClient';

/**
 * The most failed and slowest tests of a workflow
 * (`.../workflows/{name}/test-metrics`), read when the view shows them
 * (on demand). Cached, never polled.
 */
export function useInsightsTestMetrics(options: {
  slug: string;
  scope: InsightsBranchScope;
  workflowName: string;
}): InsightsState<TestMetrics> {
  const { api, queryClient } = useCircleCIQueryClient();
  return insightsState(useQuery(testMetricsQuery({ api, ...options }), queryClient));
}
