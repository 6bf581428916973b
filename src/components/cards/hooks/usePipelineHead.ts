import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { pipelineHeadQuery } from '../../../query/resourceQueries';
import { type ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';
import { useCircleCISignals } from '../../../hooks/useCircleCISignals';

/** Options of {@link usePipelineHead}. */
export interface UsePipelineHeadOptions {
  /** The project. */
  projectSlug: ProjectSlug;
  /** Only this branch's pipelines; all branches when undefined. */
  branch?: string;
  /** False skips the request (e.g. while the default branch is unknown). Default true. */
  enabled?: boolean;
}

/**
 * Loads the first page of a project's pipelines (the newest 20), with one
 * request and nothing else: unlike `usePipelines`, it starts no workflow
 * requests, so a card asks only for the workflows it shows (in backend mode
 * none: the page's aggregate answer brings them). Not polled;
 * a page read less than 30 s ago is served at once.
 */
export function usePipelineHead(options: UsePipelineHeadOptions): ResourceState<Pipeline[]> {
  const { projectSlug, branch, enabled = true } = options;
  useCircleCISignals({ projectSlugs: [projectSlug] });
  return useCircleCIQuery({
    query: ({ api, queryClient }) => (enabled ? pipelineHeadQuery({ api, queryClient, projectSlug, branch }) : undefined),
  });
}
