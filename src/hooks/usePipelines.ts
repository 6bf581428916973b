import { useCallback, useMemo } from 'react';
import { InfiniteData, QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, Pipeline } from '../api/types';
import type { ProjectSlug } from '../domain/slug';
import { pipelinesKey, workflowsKey } from './keys';
import { useCircleCIQueryClient } from './useCircleCIQueryClient';
import { prefetchWorkflows } from './workflowQueries';

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
  /** Loads the next page. */
  loadMore: () => void;
  /** Loads again from the first page, bypassing the cache (workflows too). */
  refresh: () => void;
}

type Pages = InfiniteData<Page<Pipeline>, string | undefined>;

/**
 * Loads a project's pipelines page by page (20 a page), optionally for one
 * branch. Changing the project or branch starts over, never showing the
 * previous project's data; a page loaded less than 30 s ago is shown at
 * once. As soon as a page arrives, before its rows render, the workflow
 * requests of its pipelines start (see `usePipelineWorkflows`).
 */
export function usePipelines(options: { projectSlug: ProjectSlug; branch?: string }): PipelinesState {
  const { projectSlug, branch } = options;
  const { api, queryClient } = useCircleCIQueryClient();
  const queryKey = pipelinesKey({ slug: projectSlug.slug, branch });
  const query = useInfiniteQuery<Page<Pipeline>, Error, Pages, QueryKey, string | undefined>(
    {
      queryKey,
      initialPageParam: undefined,
      getNextPageParam: last => last.nextPageToken,
      queryFn: async ({ pageParam, signal }) => {
        const page = await api.listPipelines({ projectSlug, branch, pageToken: pageParam, signal });
        prefetchWorkflows({ api, queryClient, pipelineIds: page.items.map(p => p.id) });
        return page;
      },
    },
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
    loadMore,
    refresh,
  };
}
