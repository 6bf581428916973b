export { WorkflowPage } from './WorkflowPage';
export type { WorkflowPageProps } from './WorkflowPage';
