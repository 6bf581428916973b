import type { PipelineDefinition } from '@circleci-backstage/plugin-circleci-common';
import { pipelineDefinitionsQuery } from '../../../query/resourceQueries';
import { type ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';

/** Loads a project's pipeline definitions; `projectId` undefined loads nothing. */
export function usePipelineDefinitions(options: {
  projectId: string | undefined;
}): ResourceState<PipelineDefinition[]> {
  const { projectId } = options;
  return useCircleCIQuery({
    query: ({ api }) => (projectId ? pipelineDefinitionsQuery({ api, projectId }) : undefined),
  });
}
