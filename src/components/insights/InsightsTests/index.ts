export { InsightsTests } from './InsightsTests';
export type { InsightsTestsProps } from './InsightsTests';
