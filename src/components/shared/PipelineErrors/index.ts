export { PipelineErrors } from './PipelineErrors';
export type { PipelineErrorsProps } from './PipelineErrors';
