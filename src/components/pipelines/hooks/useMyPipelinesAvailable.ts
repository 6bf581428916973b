import { useCallback, useRef } from 'react';
import { QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, Pipeline } from '../../../common/types';
import type { ProjectSlug } from '../../../common/slug';
import { useCircleCIQueryClient } from '../../../query/useCircleCIQueryClient';
import { pipelineListQuery } from './usePipelines';

/** What {@link useMyPipelinesAvailable} returns. */
export interface MyPipelinesAvailability {
  /**
   * True once CircleCI answered the user's own pipelines of the project,
   * false once it refused or failed (the "mine" filter is then not offered),
   * undefined before anyone asked.
   */
  available?: boolean;
  /**
   * Asks once, by reading the first page of the list (which the "mine"
   * filter then shows without another request). Called on intent (the
   * filter is hovered or focused), so opening the tab costs nothing.
   */
  probe: () => void;
}

/**
 * Whether `pipeline/mine` answers for a project. It shares its query with
 * `usePipelines({ mine: true })`, so the probe's page is the list's first
 * page, and a failed list also hides the filter.
 */
export function useMyPipelinesAvailable(options: { projectSlug: ProjectSlug }): MyPipelinesAvailability {
  const { api, queryClient } = useCircleCIQueryClient();
  const listQuery = pipelineListQuery({ api, queryClient, projectSlug: options.projectSlug, mine: true });
  const query = useInfiniteQuery<Page<Pipeline>, Error, unknown, QueryKey, string | undefined>(
    { ...listQuery, enabled: false },
    queryClient,
  );
  const latest = useRef(listQuery);
  latest.current = listQuery;
  const probe = useCallback(() => {
    const state = queryClient.getQueryState(latest.current.queryKey);
    if (state && (state.status !== 'pending' || state.fetchStatus === 'fetching')) return;
    queryClient.prefetchInfiniteQuery(latest.current).catch(() => undefined);
  }, [queryClient]);
  let available: boolean | undefined;
  if (query.status === 'success') available = true;
  else if (query.status === 'error') available = false;
  return { available, probe };
}
