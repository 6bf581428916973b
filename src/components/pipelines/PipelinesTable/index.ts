export { PipelinesTable } from './PipelinesTable';
export type { PipelinesTableProps } from './PipelinesTable';
export { circleCIPipelineColumns, defaultCircleCIPipelineColumns } from './columns';
export type { CircleCIPipelineColumnFactories } from './columns';
export type {
  CircleCIPipelineColumn,
  CircleCIPipelineRow,
  PipelineColumn,
  PipelineRow,
  WorkflowLinkOptions,
} from './types';
