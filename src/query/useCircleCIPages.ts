import { useCallback } from 'react';
import { useInfiniteQuery, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import type { CircleCIPagedQueryOptions, QueryContext } from './defineQuery';
import { DISABLED_KEY } from './keys';
import { type ResourceState, resourceState } from './useCircleCIQuery';
import { useCircleCIQueryClient } from './useCircleCIQueryClient';

/** A {@link ResourceState} read page by page. */
export interface PagedState<T> extends ResourceState<T> {
  /** True when a further page exists. */
  hasMore: boolean;
  /** True while a further page loads (`loading` is the first page's). */
  loadingMore: boolean;
  /** True while any page loads or is read again. */
  fetching: boolean;
  /** Pages loaded so far. */
  pages: number;
  /** Loads the next page, unless one is loading or none is left. */
  loadMore: () => void;
}

/** Options of {@link useCircleCIPages}. */
export interface UseCircleCIPagesOptions<TPage, TParam> {
  /** Builds the paged query, with a factory of `src/query`; undefined: there is nothing to load. */
  query: (context: QueryContext) => CircleCIPagedQueryOptions<TPage, TParam> | undefined;
  /** False observes the query without sending it (pages already cached show). Default true. */
  enabled?: boolean;
}

const DISABLED_PAGES_KEY: QueryKey = [...DISABLED_KEY, 'pages'];

/**
 * Loads a list page by page through the plugin's query client, as
 * `useCircleCIQuery` loads one resource: `value` is the pages loaded so
 * far, in order. Changing the key starts over, never showing the previous
 * key's pages. Not polled.
 */
export function useCircleCIPages<TPage, TParam>(
  options: UseCircleCIPagesOptions<TPage, TParam>,
): PagedState<TPage[]> {
  const context = useCircleCIQueryClient();
  const built = options.query(context);
  const enabled = options.enabled ?? true;
  const active = built !== undefined;
  const query = built ?? {
    queryKey: DISABLED_PAGES_KEY,
    initialPageParam: undefined as TParam,
    getNextPageParam: () => undefined,
  };
  const result = useInfiniteQuery<TPage, Error, InfiniteData<TPage, TParam>, QueryKey, TParam>(
    { ...query, enabled: active && enabled },
    context.queryClient,
  );
  const { refetch, fetchNextPage, hasNextPage, isFetchingNextPage, isFetching, data } = result;
  const refresh = useCallback(() => {
    if (active) refetch().catch(() => undefined);
  }, [active, refetch]);
  const loadMore = useCallback(() => {
    if (active && hasNextPage && !isFetchingNextPage) fetchNextPage().catch(() => undefined);
  }, [active, fetchNextPage, hasNextPage, isFetchingNextPage]);
  const state = resourceState({
    result: { data: data?.pages, error: result.error, dataUpdatedAt: result.dataUpdatedAt },
    active,
    enabled,
    refresh,
  });
  return {
    ...state,
    hasMore: active && Boolean(hasNextPage),
    loadingMore: active && isFetchingNextPage,
    fetching: active && isFetching,
    pages: state.value?.length ?? 0,
    loadMore,
  };
}
