import { useCallback, useMemo } from 'react';
import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { pipelineListQuery, type PipelineListOptions, restartPipelineList } from '../../../query/pipelineQueries';
import { type PagedState, useCircleCIPages } from '../../../query/useCircleCIPages';
import { useCircleCIQueryClient } from '../../../query/useCircleCIQueryClient';
import { useCircleCISignals } from '../../../hooks/useCircleCISignals';

/** Options of {@link usePipelines}. */
export type UsePipelinesOptions = PipelineListOptions;

/** What {@link usePipelines} returns. */
export interface PipelinesState extends PagedState<Pipeline[]> {
  /**
   * Backend mode: set while some loaded page was served from the backend's
   * cache because CircleCI rate-limits; the oldest time such a page was stored.
   */
  staleAt?: Date;
}

/**
 * Loads a project's pipelines page by page (20 a page), optionally for one
 * branch; `value` is the pipelines loaded so far, newest first. Changing
 * the project or branch starts over, never showing the previous project's
 * data; a page loaded less than 30 s ago is shown at once. As soon as a
 * page arrives, before its rows render, the workflow requests of its
 * pipelines start (see `usePipelineWorkflows`); in backend mode the page
 * comes with its workflows, in one request. With `mine`, the list is
 * the user's own pipelines (`pipeline/mine`). `refresh` loads again from
 * the first page, bypassing the cache (workflows too). With the signals
 * plugin, a signal of the project re-reads what it names (`useCircleCISignals`).
 */
export function usePipelines(options: UsePipelinesOptions): PipelinesState {
  const { projectSlug, branch, mine } = options;
  const { api, queryClient } = useCircleCIQueryClient();
  useCircleCISignals({ projectSlugs: [projectSlug] });
  const state = useCircleCIPages({
    query: context => pipelineListQuery({ ...context, projectSlug, branch, mine }),
  });
  const pages = state.value;
  const value = useMemo(() => pages?.flatMap(p => p.items), [pages]);
  const staleAt = useMemo(() => {
    const times = (pages ?? []).flatMap(p => (p.staleAt ? [p.staleAt.getTime()] : []));
    return times.length ? new Date(Math.min(...times)) : undefined;
  }, [pages]);
  const slug = projectSlug.slug;
  const refresh = useCallback(
    () => restartPipelineList({ api, queryClient, slug, branch, mine }),
    [api, queryClient, slug, branch, mine],
  );
  return { ...state, value, refresh, staleAt };
}
