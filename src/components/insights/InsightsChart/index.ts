export { InsightsChart, preloadInsightsChart } from './InsightsChart';
export type { InsightsChartProps } from './InsightsChart';
