import type { JobSteps } from '@circleci-backstage/plugin-circleci-common';
import { type JobHookOptions, jobStepsQuery } from '../../../query/jobQueries';
import { type ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';

/**
 * Loads the steps of a job with one action per container (API v1.1).
 * Polled while `live` (the job runs) or while the steps themselves say the
 * build still runs, so the last poll after the job finishes is not missed.
 */
export function useJobSteps(options: JobHookOptions & { live: boolean }): ResourceState<JobSteps> {
  const { projectSlug, jobNumber, live } = options;
  return useCircleCIQuery({ query: ({ api }) => jobStepsQuery({ api, projectSlug, jobNumber, live }) });
}
