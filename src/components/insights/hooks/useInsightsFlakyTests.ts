import { useQuery } from '@tanstack/react-query';
import type { FlakyTests } from '../../../common/insightsTypes';
import { flakyTestsQuery, InsightsState, insightsState } from '../../../query/insightsQueries';
import { useCircleCIQueryClient } from '../../../query/useCircleCIQueryClient';

/**
 * A project's flaky tests (`GET v2/insights/{slug}/flaky-tests`), once
 * `enabled`. Cached, never polled.
 */
export function useInsightsFlakyTests(options: { slug: string; enabled: boolean }): InsightsState<FlakyTests> {
  const { slug, enabled } = options;
  const { api, queryClient } = useCircleCIQueryClient();
  return insightsState(useQuery({ ...flakyTestsQuery({ api, slug }), enabled }, queryClient));
}
