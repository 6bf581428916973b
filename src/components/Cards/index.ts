export { LatestPipelineCard, RecentPipelinesCard } from './PipelineCards';
