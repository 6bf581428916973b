export { InsightsWorkflow } from './InsightsWorkflow';
export type { InsightsWorkflowProps } from './InsightsWorkflow';
