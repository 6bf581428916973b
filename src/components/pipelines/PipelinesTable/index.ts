export { PipelinesTable } from './PipelinesTable';
export type { PipelinesTableProps } from './PipelinesTable';
export * from './columns';
export type { PipelineColumn, PipelineRow, WorkflowLinkOptions } from './types';
