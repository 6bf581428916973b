import type { JobDetails } from '../../../common/types';
import { isUnfinished } from '../../../domain/status';
import { jobResourceKey, JobHookOptions } from '../../../query/jobOptions';
import { ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';

/** Loads the details of one job (API v2); polled while the job is unfinished. */
export function useJob(options: JobHookOptions): ResourceState<JobDetails> {
  const { projectSlug, jobNumber } = options;
  return useCircleCIQuery({
    queryKey: jobResourceKey({ kind: 'job', projectSlug, jobNumber }),
    load: ({ api, signal }) => api.getJob({ projectSlug, jobNumber, signal }),
    isLive: job => isUnfinished(job.status),
  });
}
