import { useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';
import { InsightsState, insightsState } from '../../../query/insightsQueries';
import { useCircleCIQueryClient } from '../../../query/useCircleCIQueryClient';

/**
 * One insights query per workflow name, observed together, as a map from
 * the name to its state (a new map only when some answer changed).
 * `settled` is true once every query has an answer or an error.
 */
export function useInsightsWorkflowQueries<T>(options: {
  workflowNames: readonly string[];
  query: (workflowName: string) => UseQueryOptions<T, Error, T, QueryKey>;
  enabled?: boolean;
}): { states: ReadonlyMap<string, InsightsState<T>>; settled: boolean } {
  const { workflowNames, query, enabled = true } = options;
  const { queryClient } = useCircleCIQueryClient();
  const results = useQueries(
    { queries: workflowNames.map(name => ({ ...query(name), enabled })) },
    queryClient,
  );
  const changes = results.map(r => `${r.status}:${r.fetchStatus}:${r.dataUpdatedAt}:${r.errorUpdatedAt}`).join();
  const states = useMemo(
    () => new Map(workflowNames.map((name, i) => [name, insightsState(results[i])])),
    // `results` is a new array each render; `changes` says when an answer changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [workflowNames, changes],
  );
  return { states, settled: results.every(r => !r.isPending) };
}
