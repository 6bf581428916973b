export { PipelineFilters } from './PipelineFilters';
export type { PipelineFilterValues, PipelineFiltersProps } from './PipelineFilters';
