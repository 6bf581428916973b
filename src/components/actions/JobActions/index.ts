export { JobActions } from './JobActions';
export type { JobActionsProps } from './JobActions';
