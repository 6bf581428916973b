import type { PipelineDefinition } from '../api/types';
import { resourceKey } from './keys';
import { ResourceState, useCircleCIQuery } from './useCircleCIQuery';

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
