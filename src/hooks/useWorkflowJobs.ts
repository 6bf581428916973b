import { collectPages } from '../api/pages';
import type { WorkflowJob } from '../common/types';
import { isUnfinished } from '../domain/status';
import { resourceKey } from '../query/keys';
import { ResourceState, useCircleCIQuery } from '../query/useCircleCIQuery';

/** The most pages of a workflow's jobs that are read (20 jobs a page). */
export const MAX_JOB_PAGES = 10;

/** Loads all jobs of a workflow (every page); polled while any job is unfinished. */
export function useWorkflowJobs(options: { workflowId: string }): ResourceState<WorkflowJob[]> {
  const { workflowId } = options;
  return useCircleCIQuery({
    queryKey: resourceKey('workflow-jobs', workflowId),
    load: async ({ api, signal }) => {
      const { items } = await collectPages({
        max: MAX_JOB_PAGES,
        load: pageToken => api.listJobs({ workflowId, pageToken, signal }),
      });
      return items;
    },
    isLive: jobs => jobs.some(j => isUnfinished(j.status)),
  });
}
