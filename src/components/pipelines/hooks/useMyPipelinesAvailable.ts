import { useCallback, useRef } from 'react';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { pipelineListQuery, prefetchPipelineList } from '../../../query/pipelineQueries';
import { useCircleCIPages } from '../../../query/useCircleCIPages';
import { useCircleCIQueryClient } from '../../../query/useCircleCIQueryClient';

/** What {@link useMyPipelinesAvailable} returns. */
export interface MyPipelinesAvailability {
  /**
   * True once CircleCI answered the user's own pipelines of the project,
   * false once it refused or failed (the "mine" filter is then not offered),
   * undefined before anyone asked.
   */
  available?: boolean;
  /** True while the check is under way (asked, not answered yet). */
  checking: boolean;
  /**
   * Asks once, by reading the first page of the list (which the "mine"
   * filter then shows without another request). Called on intent (the
   * filter is hovered or focused), so opening the tab costs nothing.
   */
  probe: () => void;
}

/**
 * Whether `pipeline/mine` answers for a project. It observes the query of
 * `usePipelines({ mine: true })` without sending it, so the probe's page
 * is the list's first page, and a failed list also hides the filter.
 */
export function useMyPipelinesAvailable(options: { projectSlug: ProjectSlug }): MyPipelinesAvailability {
  const { projectSlug } = options;
  const { api, queryClient } = useCircleCIQueryClient();
  const list = useCircleCIPages({
    query: context => pipelineListQuery({ ...context, projectSlug, mine: true }),
    enabled: false,
  });
  const latest = useRef(projectSlug);
  latest.current = projectSlug;
  const probe = useCallback(
    () => prefetchPipelineList({ api, queryClient, projectSlug: latest.current, mine: true }),
    [api, queryClient],
  );
  let available: boolean | undefined;
  if (list.error) available = false;
  else if (list.value) available = true;
  return { available, checking: available === undefined && list.fetching, probe };
}
