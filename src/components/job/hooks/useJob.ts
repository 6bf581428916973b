import type { JobDetails } from '@circleci-backstage/plugin-circleci-common';
import { jobQuery, type JobHookOptions } from '../../../query/jobQueries';
import { type ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';

/** Loads the details of one job (API v2); polled while the job is unfinished. */
export function useJob(options: JobHookOptions): ResourceState<JobDetails> {
  const { projectSlug, jobNumber } = options;
  return useCircleCIQuery({ query: ({ api }) => jobQuery({ api, projectSlug, jobNumber }) });
}
