import type { Pipeline } from '../api/types';
import { resourceKey } from './keys';
import { ResourceState, useCircleCIQuery } from './useCircleCIQuery';

/** Loads one pipeline (for headers and breadcrumbs); skipped while the id is unknown. */
export function usePipeline(options: { pipelineId: string | undefined }): ResourceState<Pipeline> {
  const { pipelineId } = options;
  return useCircleCIQuery({
    queryKey: pipelineId ? resourceKey('pipeline', pipelineId) : undefined,
    load: ({ api, signal }) => api.getPipeline({ pipelineId: pipelineId!, signal }),
  });
}
