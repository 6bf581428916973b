export { ProjectPipelines } from './ProjectPipelines';
export type { ProjectPipelinesProps } from './ProjectPipelines';
