export { ActionError } from './ActionError';
export type { ActionErrorProps } from './ActionError';
