import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { insightsBranchesQuery } from '../../../query/insightsQueries';
import { type ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';
import { useProject } from '../../../hooks/useProject';

/** Options of {@link useInsightsBranches}. */
export interface UseInsightsBranchesOptions {
  /** The project. */
  projectSlug: ProjectSlug;
  /** False holds the requests back. */
  enabled: boolean;
}

/** What {@link useInsightsBranches} returns. */
export interface InsightsBranches {
  /** The project's default branch (`vcs_info.default_branch`), once known. */
  defaultBranch?: string;
  /** The branches Insights knows. */
  branches: ResourceState<string[]>;
}

/**
 * The branch picker's data: the project (for its default branch; often
 * cached already by the pipelines tab) and the branches Insights knows
 * (`GET v2/insights/{slug}/branches`), once `enabled`.
 */
export function useInsightsBranches(options: UseInsightsBranchesOptions): InsightsBranches {
  const { projectSlug, enabled } = options;
  const project = useProject({ projectSlug, enabled });
  const branches = useCircleCIQuery({
    query: ({ api }) => insightsBranchesQuery({ api, slug: projectSlug.slug }),
    enabled,
  });
  return {
    defaultBranch: project.value?.vcs_info?.default_branch || undefined,
    branches,
  };
}
