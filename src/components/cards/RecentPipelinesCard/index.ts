export { RecentPipelinesCard } from './RecentPipelinesCard';
export type { RecentPipelinesCardProps } from './RecentPipelinesCard';
