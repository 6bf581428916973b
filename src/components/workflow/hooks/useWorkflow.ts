import type { Workflow } from '../../../common/types';
import { workflowQuery } from '../../../query/resourceQueries';
import { type ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';

/** Loads one workflow; polled while it runs or waits. */
export function useWorkflow(options: { workflowId: string }): ResourceState<Workflow> {
  const { workflowId } = options;
  return useCircleCIQuery({ query: ({ api }) => workflowQuery({ api, workflowId }) });
}
