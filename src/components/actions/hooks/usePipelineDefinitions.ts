import type { PipelineDefinition } from '../../../common/types';
import { resourceKey } from '../../../query/keys';
import { ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';

/** Loads a project's pipeline definitions; `projectId` undefined loads nothing. */
export function usePipelineDefinitions(options: {
  projectId: string | undefined;
}): ResourceState<PipelineDefinition[]> {
  const { projectId } = options;
  return useCircleCIQuery({
    queryKey: projectId ? resourceKey('pipeline-definitions', projectId) : undefined,
    load: ({ api, signal }) => api.listPipelineDefinitions({ projectId: projectId!, signal }),
  });
}
