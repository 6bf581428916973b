export { InsightsTrend } from './InsightsTrend';
export type { InsightsTrendProps } from './InsightsTrend';
