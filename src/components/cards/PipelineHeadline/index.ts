export { PipelineHeadline } from './PipelineHeadline';
export type { PipelineHeadlineProps } from './PipelineHeadline';
