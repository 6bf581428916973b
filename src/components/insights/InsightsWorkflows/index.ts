export { InsightsWorkflows } from './InsightsWorkflows';
export type { InsightsWorkflowsProps } from './InsightsWorkflows';
