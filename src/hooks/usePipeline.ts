import type { Pipeline } from '../common/types';
import { resourceKey } from '../query/keys';
import { ResourceState, useCircleCIQuery } from '../query/useCircleCIQuery';

/** Loads one pipeline (for headers and breadcrumbs); skipped while the id is unknown. */
export function usePipeline(options: { pipelineId: string | undefined }): ResourceState<Pipeline> {
  const { pipelineId } = options;
  return useCircleCIQuery({
    queryKey: pipelineId ? resourceKey('pipeline', pipelineId) : undefined,
    load: ({ api, signal }) => api.getPipeline({ pipelineId: pipelineId!, signal }),
  });
}
