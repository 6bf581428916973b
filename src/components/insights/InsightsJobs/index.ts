export { InsightsJobs } from './InsightsJobs';
export type { InsightsJobsProps } from './InsightsJobs';
