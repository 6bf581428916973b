export { WorkflowJobs } from './WorkflowJobs';
export type { WorkflowJobsProps } from './WorkflowJobs';
