import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { pipelineQuery } from '../query/resourceQueries';
import { type ResourceState, useCircleCIQuery } from '../query/useCircleCIQuery';

/** Loads one pipeline (for headers and breadcrumbs); skipped while the id is unknown. */
export function usePipeline(options: { pipelineId: string | undefined }): ResourceState<Pipeline> {
  const { pipelineId } = options;
  return useCircleCIQuery({
    query: ({ api }) => (pipelineId ? pipelineQuery({ api, pipelineId }) : undefined),
  });
}
