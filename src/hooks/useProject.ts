import type { Project } from '@circleci-backstage/plugin-circleci-common';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { projectQuery } from '../query/resourceQueries';
import { type ResourceState, useCircleCIQuery } from '../query/useCircleCIQuery';

/** Options of {@link useProject}. */
export interface UseProjectOptions {
  /** The project. */
  projectSlug: ProjectSlug;
  /** False skips the request (e.g. when the branch is already known). Default true. */
  enabled?: boolean;
}

/**
 * Loads a project (`GET v2/project/{slug}`) for its default branch
 * (`vcs_info.default_branch`). A project is read once per page load: the
 * value is kept and never polled, as a default branch hardly ever changes.
 */
export function useProject(options: UseProjectOptions): ResourceState<Project> {
  const { projectSlug, enabled = true } = options;
  return useCircleCIQuery({
    query: ({ api }) => (enabled ? projectQuery({ api, projectSlug }) : undefined),
  });
}
