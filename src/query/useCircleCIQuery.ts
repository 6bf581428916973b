import { useCallback } from 'react';
import { useQuery, type QueryKey, type QueryObserverResult } from '@tanstack/react-query';
import type { CircleCIQueryOptions, QueryContext } from './defineQuery';
import { DISABLED_KEY } from './keys';
import { useCircleCIQueryClient } from './useCircleCIQueryClient';

/**
 * What every hook that loads data returns (alone, in a list, or extended
 * with paging).
 */
export interface ResourceState<T> {
  /** The value for the current key; never a previous key's value. */
  value?: T;
  /** The error of the last read, if it failed (a value loaded before stays). */
  error?: Error;
  /** True while the first load for this key runs. */
  loading: boolean;
  /** True while the value is polled because its work is still running. */
  live: boolean;
  /** When the value was last loaded (ms since epoch). */
  updatedAt?: number;
  /** Loads again now, bypassing the cache. */
  refresh: () => void;
}

/** Options of {@link useCircleCIQuery}. */
export interface UseCircleCIQueryOptions<T> {
  /**
   * Builds the query from the app's API and the plugin's client, with a
   * factory of `src/query`; undefined: there is nothing to load (no value,
   * no request).
   */
  query: (context: QueryContext) => CircleCIQueryOptions<T> | undefined;
  /** False observes the query without sending it (a value already cached shows). Default true. */
  enabled?: boolean;
}

/** The {@link ResourceState} of an observed query (`active` false: there is nothing to load). */
export function resourceState<T>(options: {
  result: Pick<QueryObserverResult<T, Error>, 'data' | 'error' | 'dataUpdatedAt'>;
  active: boolean;
  enabled: boolean;
  isLive?: (value: T) => boolean;
  refresh: () => void;
}): ResourceState<T> {
  const { result, active, enabled, isLive, refresh } = options;
  const value = active ? result.data : undefined;
  const error = active ? (result.error ?? undefined) : undefined;
  return {
    value,
    error,
    loading: active && enabled && value === undefined && !error,
    live: Boolean(value !== undefined && isLive?.(value)),
    updatedAt: (active && result.dataUpdatedAt) || undefined,
    refresh,
  };
}

/**
 * Loads one resource through the plugin's query client: concurrent callers
 * share one request, a value read less than 30 s ago is served at once,
 * the value is polled while the query's `isLive` holds (see
 * `pollRule.ts`), and the request is cancelled when the last caller
 * unmounts. For many queries at once see `useCircleCIQueries`; for a list
 * read page by page, `useCircleCIPages`.
 */
export function useCircleCIQuery<T>(options: UseCircleCIQueryOptions<T>): ResourceState<T> {
  const context = useCircleCIQueryClient();
  const built = options.query(context);
  const enabled = options.enabled ?? true;
  const { isLive, ...query }: CircleCIQueryOptions<T> = built ?? { queryKey: DISABLED_KEY };
  const result = useQuery<T, Error, T, QueryKey>(
    { ...query, enabled: built !== undefined && enabled },
    context.queryClient,
  );
  const active = built !== undefined;
  const { refetch } = result;
  const refresh = useCallback(() => {
    if (active) refetch().catch(() => undefined);
  }, [active, refetch]);
  return resourceState({ result, active, enabled, isLive, refresh });
}
