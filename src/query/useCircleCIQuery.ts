import { useCallback } from 'react';
import { useQuery, QueryKey } from '@tanstack/react-query';
import type { CircleCIApi } from '../api/CircleCIApi';
import { pollInterval, recordOutcome } from './pollRule';
import { useCircleCIQueryClient } from './useCircleCIQueryClient';

/**
 * What a resource hook returns.
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
export interface CircleCIQueryOptions<T> {
  /** The query key; undefined skips loading. */
  queryKey: QueryKey | undefined;
  /** Reads the value. The signal is aborted when nobody waits for it any more. */
  load: (options: { api: CircleCIApi; signal: AbortSignal }) => Promise<T>;
  /** True while the value's work may still change: it is then polled. */
  isLive?: (value: T) => boolean;
  /** How long a value is served without a request; default 30 s. */
  staleTime?: number;
}

/**
 * Loads one resource through the plugin's query client: concurrent callers
 * share one request, a value read less than 30 s ago is served at once,
 * the value is polled while `isLive` holds (see `pollRule.ts`), and the
 * request is cancelled when the last caller unmounts.
 */
export function useCircleCIQuery<T>(options: CircleCIQueryOptions<T>): ResourceState<T> {
  const { queryKey, load, isLive, staleTime } = options;
  const { api, queryClient } = useCircleCIQueryClient();
  const query = useQuery<T, Error, T, QueryKey>(
    {
      queryKey: queryKey ?? ['circleci', 'disabled'],
      enabled: queryKey !== undefined,
      queryFn: async ({ signal, queryKey: key }) => {
        const q = queryClient.getQueryCache().find({ queryKey: key, exact: true });
        try {
          const value = await load({ api, signal });
          if (q) recordOutcome({ query: q, failed: false });
          return value;
        } catch (error) {
          if (q && !signal.aborted) recordOutcome({ query: q, failed: true });
          throw error;
        }
      },
      refetchInterval: pollInterval(isLive),
      ...(staleTime === undefined ? {} : { staleTime }),
    },
    queryClient,
  );
  const { refetch } = query;
  const refresh = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  const value = queryKey === undefined ? undefined : query.data;
  return {
    value,
    error: query.error ?? undefined,
    loading: queryKey !== undefined && value === undefined && !query.error,
    live: Boolean(value !== undefined && isLive?.(value)),
    updatedAt: query.dataUpdatedAt || undefined,
    refresh,
  };
}
