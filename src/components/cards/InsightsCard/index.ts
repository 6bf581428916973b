export { InsightsCard } from './InsightsCard';
export type { InsightsCardProps } from './InsightsCard';
