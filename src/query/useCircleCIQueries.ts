import { useMemo } from 'react';
import { hashKey } from '@tanstack/react-query';
import type { CircleCIQueryOptions, QueryContext } from './defineQuery';
import { useBatchedQueries } from './useBatchedQueries';
import { type ResourceState, resourceState } from './useCircleCIQuery';
import { useCircleCIQueryClient } from './useCircleCIQueryClient';

/** Options of {@link useCircleCIQueries}. */
export interface UseCircleCIQueriesOptions<T> {
  /**
   * Builds the queries from the app's API and the plugin's client, with a
   * factory of `src/query`. Queries with the same keys are taken as the
   * same: what a query reads must be named by its key.
   */
  queries: (context: QueryContext) => readonly CircleCIQueryOptions<T>[];
  /** False observes the queries without sending them (values already cached show). Default true. */
  enabled?: boolean;
}

/**
 * Loads many resources at once, each as `useCircleCIQuery` would, and
 * returns their states in the queries' order. Their answers are applied
 * at most once per animation frame (see `useBatchedQueries`): twenty
 * answers that arrive together cost one render.
 */
export function useCircleCIQueries<T>(options: UseCircleCIQueriesOptions<T>): ResourceState<T>[] {
  const context = useCircleCIQueryClient();
  const { queryClient } = context;
  const enabled = options.enabled ?? true;
  const built = options.queries(context);
  const identity = `${enabled}|${built.map(q => hashKey(q.queryKey)).join('|')}`;
  const observed = useMemo(
    () => ({
      isLive: built.map(q => q.isLive),
      queries: built.map(({ isLive: _, ...q }) => queryClient.defaultQueryOptions({ ...q, enabled })),
    }),
    // The queries keep their identity while their keys and `enabled` are the same.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queryClient, identity],
  );
  const results = useBatchedQueries<T>({ queryClient, queries: observed.queries });
  return useMemo(
    () =>
      results.map((result, i) =>
        resourceState({
          result,
          active: true,
          enabled,
          isLive: observed.isLive[i],
          refresh: () => {
            result.refetch().catch(() => undefined);
          },
        }),
      ),
    [results, observed, enabled],
  );
}
