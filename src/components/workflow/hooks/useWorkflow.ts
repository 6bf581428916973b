import type { Workflow } from '../../../common/types';
import { isUnfinished } from '../../../domain/status';
import { resourceKey } from '../../../query/keys';
import { ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';

/** Loads one workflow; polled while it runs or waits. */
export function useWorkflow(options: { workflowId: string }): ResourceState<Workflow> {
  const { workflowId } = options;
  return useCircleCIQuery({
    queryKey: resourceKey('workflow', workflowId),
    load: ({ api, signal }) => api.getWorkflow({ workflowId, signal }),
    isLive: wf => isUnfinished(wf.status),
  });
}
