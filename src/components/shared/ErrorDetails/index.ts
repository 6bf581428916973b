export { ErrorDetails } from './ErrorDetails';
export type { ErrorDetailsProps } from './ErrorDetails';
