import type { Workflow } from '@circleci-backstage/plugin-circleci-common';
import { workflowQuery } from '../../../query/resourceQueries';
import { type ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';

/** Loads one workflow; polled while it runs or waits. */
export function useWorkflow(options: { workflowId: string }): ResourceState<Workflow> {
  const { workflowId } = options;
  return useCircleCIQuery({ query: ({ api }) => workflowQuery({ api, workflowId }) });
}
