import type { Workflow } from '../api/types';
import { isUnfinished } from '../domain/status';
import { resourceKey } from './keys';
import { ResourceState, useCircleCIQuery } from './useCircleCIQuery';

/** Loads one workflow; polled while it runs or waits. */
export function useWorkflow(options: { workflowId: string }): ResourceState<Workflow> {
  const { workflowId } = options;
  return useCircleCIQuery({
    queryKey: resourceKey('workflow', workflowId),
    load: ({ api, signal }) => api.getWorkflow({ workflowId, signal }),
    isLive: wf => isUnfinished(wf.status),
  });
}
