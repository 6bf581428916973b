/*
 * How a query of the plugin is written. Every query is built by a factory
 * (`resourceQueries.ts`, `jobQueries.ts`, `workflowQueries.ts`,
 * `pipelineQueries.ts`, `insightsQueries.ts`) from `defineQuery` or as a
 * paged query, and read through one of the three hooks of the core:
 * `useCircleCIQuery` (one), `useCircleCIQueries` (many, batched) and
 * `useCircleCIPages` (page by page). The same options can be handed to
 * `queryClient.prefetchQuery` / `fetchQuery` (the key is the same, so the
 * hooks then find the answer).
 */
import type {
  FetchInfiniteQueryOptions,
  GetNextPageParamFunction,
  QueryClient,
  QueryKey,
  UseQueryOptions,
} from '@tanstack/react-query';
import type { CircleCIApi } from '../api/CircleCIApi';
import { pollInterval, recordOutcome } from './pollRule';

/** What the hooks of the core hand to a query factory. */
export interface QueryContext {
  /** The app's CircleCI API. */
  api: CircleCIApi;
  /** The plugin's query client for it. */
  queryClient: QueryClient;
}

/** A query of the plugin: TanStack Query's options, and the rule that says when its value is live. */
export type CircleCIQueryOptions<T> = UseQueryOptions<T, Error, T, QueryKey> & {
  /** The query's key, from `keys.ts`. */
  queryKey: QueryKey;
  /** True while the value's work may still change: it is then polled (see `pollRule.ts`). */
  isLive?: (value: T) => boolean;
};

/** A paged query of the plugin (pages follow each other with a token). */
export type CircleCIPagedQueryOptions<TPage, TParam> = FetchInfiniteQueryOptions<
  TPage,
  Error,
  TPage,
  QueryKey,
  TParam
> & {
  /** The query's key, from `keys.ts`. */
  queryKey: QueryKey;
  /** The next page's parameter; undefined when there is none. */
  getNextPageParam: GetNextPageParamFunction<TParam, TPage>;
};

/** Options of {@link defineQuery}. */
export interface DefineQueryOptions<T>
  extends Omit<UseQueryOptions<T, Error, T, QueryKey>, 'queryFn' | 'refetchInterval' | 'queryKey'> {
  /** The query's key, from `keys.ts`. */
  queryKey: QueryKey;
  /** Reads the value. The signal is aborted when nobody waits for it any more. */
  load: (options: { signal: AbortSignal }) => Promise<T>;
  /** True while the value's work may still change: it is then polled. */
  isLive?: (value: T) => boolean;
  /**
   * True when a CircleCI signal reports the completion of this value's
   * work (a workflow, its jobs, a job): while signals are live it is polled
   * more slowly (see `pollRule.ts`). Default false.
   */
  signalled?: boolean;
}

/**
 * A query with the plugin's poll rule: polled while `isLive` holds, the
 * wait doubling after each failed read (the outcomes are recorded for the
 * backoff), and never polled without `isLive`.
 */
export function defineQuery<T>(options: DefineQueryOptions<T>): CircleCIQueryOptions<T> {
  const { load, isLive, signalled, ...rest } = options;
  return {
    ...rest,
    isLive,
    queryFn: async ({ signal, queryKey, client }) => {
      const query = client.getQueryCache().find({ queryKey, exact: true });
      try {
        const value = await load({ signal });
        if (query) recordOutcome({ query, failed: false });
        return value;
      } catch (error) {
        if (query && !signal.aborted) recordOutcome({ query, failed: true });
        throw error;
      }
    },
    refetchInterval: pollInterval(isLive, { signalled }),
  };
}
