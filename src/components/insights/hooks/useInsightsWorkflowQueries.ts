import { useMemo } from 'react';
import type { CircleCIQueryOptions, QueryContext } from '../../../query/defineQuery';
import { useCircleCIQueries } from '../../../query/useCircleCIQueries';
import type { ResourceState } from '../../../query/useCircleCIQuery';

/**
 * One insights query per workflow name, loaded together, as a map from the
 * name to its state (a new map only when some answer changed). `settled`
 * is true once every query has an answer or an error.
 */
export function useInsightsWorkflowQueries<T>(options: {
  workflowNames: readonly string[];
  query: (options: QueryContext & { workflowName: string }) => CircleCIQueryOptions<T>;
  enabled?: boolean;
}): { states: ReadonlyMap<string, ResourceState<T>>; settled: boolean } {
  const { workflowNames, query, enabled } = options;
  const results = useCircleCIQueries({
    queries: context => workflowNames.map(workflowName => query({ ...context, workflowName })),
    enabled,
  });
  // The results come in the names' order, as a new list only when an answer changed.
  const states = useMemo(
    () => new Map(results.map((state, i) => [workflowNames[i], state])),
    [results, workflowNames],
  );
  return { states, settled: results.every(s => s.value !== undefined || s.error !== undefined) };
}
