export { EmptyPipelines } from './EmptyPipelines';
export type { EmptyPipelinesProps } from './EmptyPipelines';
