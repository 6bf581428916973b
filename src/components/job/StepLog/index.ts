export { StepLog, LOG_HEIGHT_PX } from './StepLog';
export type { StepLogProps } from './StepLog';
