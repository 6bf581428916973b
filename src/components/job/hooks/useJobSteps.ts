import type { JobSteps } from '../../../common/types';
import { isUnfinished } from '../../../domain/status';
import { jobResourceKey, JobHookOptions } from '../../../query/jobOptions';
import { ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';

/**
 * Loads the steps of a job with one action per container (API v1.1).
 * Polled while `live` (the job runs) or while the steps themselves say the
 * build still runs, so the last poll after the job finishes is not missed.
 */
export function useJobSteps(options: JobHookOptions & { live: boolean }): ResourceState<JobSteps> {
  const { projectSlug, jobNumber, live } = options;
  return useCircleCIQuery({
    queryKey: jobResourceKey({ kind: 'job-steps', projectSlug, jobNumber }),
    load: ({ api, signal }) => api.getJobSteps({ projectSlug, jobNumber, signal }),
    isLive: steps =>
      live ||
      isUnfinished(steps.status) ||
      steps.steps.some(s => s.actions.some(a => isUnfinished(a.status))),
  });
}
