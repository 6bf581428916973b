import type { Artifact } from '@circleci-backstage/plugin-circleci-common';
import { type BoundedList, jobArtifactsQuery, type JobHookOptions } from '../../../query/jobQueries';
import { type ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';
import { useRefreshWhenSettled } from './useRefreshWhenSettled';

/**
 * Loads the artifacts of a job (the client follows the pages within its
 * own bound). With `live` (the job runs), loads once more when the job
 * finishes.
 */
export function useJobArtifacts(
  options: JobHookOptions & { live?: boolean },
): ResourceState<BoundedList<Artifact>> {
  const { projectSlug, jobNumber } = options;
  const state = useCircleCIQuery({ query: ({ api }) => jobArtifactsQuery({ api, projectSlug, jobNumber }) });
  useRefreshWhenSettled({ live: options.live ?? false, refresh: state.refresh });
  return state;
}
