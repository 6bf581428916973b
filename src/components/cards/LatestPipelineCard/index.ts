export { LatestPipelineCard } from './LatestPipelineCard';
export type { LatestPipelineCardProps } from './LatestPipelineCard';
