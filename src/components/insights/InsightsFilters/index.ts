export { InsightsFilters, useWindowLabel } from './InsightsFilters';
export type { InsightsFiltersProps } from './InsightsFilters';
