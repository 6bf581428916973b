import type { WorkflowJob } from '@circleci-backstage/plugin-circleci-common';
import { workflowJobsQuery } from '../query/resourceQueries';
import { type ResourceState, useCircleCIQuery } from '../query/useCircleCIQuery';

/** Loads all jobs of a workflow (every page, within a bound); polled while any job is unfinished. */
export function useWorkflowJobs(options: { workflowId: string }): ResourceState<WorkflowJob[]> {
  const { workflowId } = options;
  return useCircleCIQuery({ query: ({ api }) => workflowJobsQuery({ api, workflowId }) });
}
