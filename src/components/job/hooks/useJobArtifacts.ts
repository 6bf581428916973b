import type { Artifact } from '../../../common/types';
import { BoundedList, jobResourceKey, JobHookOptions } from '../../../query/jobOptions';
import { ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';
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
  const state = useCircleCIQuery({
    queryKey: jobResourceKey({ kind: 'job-artifacts', projectSlug, jobNumber }),
    load: async ({ api, signal }) => {
      const page = await api.listArtifacts({ projectSlug, jobNumber, signal });
      return { items: page.items, truncated: Boolean(page.nextPageToken) };
    },
  });
  useRefreshWhenSettled({ live: options.live ?? false, refresh: state.refresh });
  return state;
}
