import { useCallback, useMemo } from 'react';
import {
  FetchInfiniteQueryOptions,
  InfiniteData,
  QueryClient,
  QueryKey,
  useInfiniteQuery,
} from '@tanstack/react-query';
import type { CircleCIApi } from '../../../api/CircleCIApi';
import type { Page, Pipeline } from '../../../common/types';
import type { ProjectSlug } from '../../../common/slug';
import { pipelinesKey, workflowsKey } from '../../../query/keys';
import { useCircleCIQueryClient } from '../../../query/useCircleCIQueryClient';
import { prefetchWorkflows } from '../../../query/workflowQueries';

/** The state of a project's pipeline list. */
export interface PipelinesState {
  /** The pipelines loaded so far, newest first. */
  pipelines: Pipeline[];
  /** True while the first page, or a further page, is loading. */
  loading: boolean;
  /** The error of the last load, if it failed. */
  error?: Error;
  /** True when CircleCI has further pages. */
  hasMore: boolean;
  /** Pages loaded so far. */
  pages: number;
  /** Loads the next page. */
  loadMore: () => void;
  /** Loads again from the first page, bypassing the cache (workflows too). */
  refresh: () => void;
}

type Pages = InfiniteData<Page<Pipeline>, string | undefined>;

/** Options of {@link usePipelines} and {@link pipelineListQuery}. */
export interface UsePipelinesOptions {
  /** The project. */
  projectSlug: ProjectSlug;
  /** Only this branch's pipelines (ignored with `mine`: CircleCI cannot filter that list by branch). */
  branch?: string;
  /** The pipelines the token's user triggered (`pipeline/mine`) instead of everyone's. */
  mine?: boolean;
}

/**
 * The paged query of a pipeline list, for {@link usePipelines} and for
 * prefetching its first page (see `useMyPipelinesAvailable`).
 */
export function pipelineListQuery(
  options: UsePipelinesOptions & { api: CircleCIApi; queryClient: QueryClient },
): FetchInfiniteQueryOptions<Page<Pipeline>, Error, Page<Pipeline>, QueryKey, string | undefined> &
  { getNextPageParam: (last: Page<Pipeline>) => string | undefined } {
  const { api, queryClient, projectSlug, mine } = options;
  const branch = mine ? undefined : options.branch;
  return {
    queryKey: pipelinesKey({ slug: projectSlug.slug, branch, mine }),
    initialPageParam: undefined,
    getNextPageParam: last => last.nextPageToken,
    queryFn: async ({ pageParam, signal }) => {
      const page = mine
        ? await api.listMyPipelines({ projectSlug, pageToken: pageParam, signal })
        : await api.listPipelines({ projectSlug, branch, pageToken: pageParam, signal });
      prefetchWorkflows({ api, queryClient, pipelineIds: page.items.map(p => p.id) });
      return page;
    },
  };
}

/**
 * Loads a project's pipelines page by page (20 a page), optionally for one
 * branch. Changing the project or branch starts over, never showing the
 * previous project's data; a page loaded less than 30 s ago is shown at
 * once. As soon as a page arrives, before its rows render, the workflow
 * requests of its pipelines start (see `usePipelineWorkflows`). With
 * `mine`, the list is the user's own pipelines (`pipeline/mine`).
 */
export function usePipelines(options: UsePipelinesOptions): PipelinesState {
  const { projectSlug, branch, mine } = options;
  const { api, queryClient } = useCircleCIQueryClient();
  const listQuery = pipelineListQuery({ api, queryClient, projectSlug, branch, mine });
  const { queryKey } = listQuery;
  const query = useInfiniteQuery<Page<Pipeline>, Error, Pages, QueryKey, string | undefined>(
    listQuery,
    queryClient,
  );
  const { fetchNextPage, hasNextPage, isFetchingNextPage, data } = query;
  const pipelines = useMemo(() => data?.pages.flatMap(p => p.items) ?? [], [data]);
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) fetchNextPage().catch(() => undefined);
  }, [fetchNextPage, hasNextPage, isFetchingNextPage]);
  const keyText = JSON.stringify(queryKey);
  const refresh = useCallback(() => {
    const key = JSON.parse(keyText) as QueryKey;
    // Start over from the first page; the rows on screen stay until it arrives.
    queryClient.setQueryData<Pages>(key, d =>
      d && { pages: d.pages.slice(0, 1), pageParams: d.pageParams.slice(0, 1) },
    );
    queryClient.invalidateQueries({ queryKey: workflowsKey(), refetchType: 'none' });
    queryClient.invalidateQueries({ queryKey: key, exact: true }).catch(() => undefined);
  }, [queryClient, keyText]);
  return {
    pipelines,
    loading: data === undefined ? !query.error : isFetchingNextPage,
    error: query.error ?? undefined,
    hasMore: Boolean(hasNextPage),
    pages: data?.pages.length ?? 0,
    loadMore,
    refresh,
  };
}
