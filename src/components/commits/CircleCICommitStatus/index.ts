export { CircleCICommitStatus } from './CircleCICommitStatus';
export type { CircleCICommitStatusProps } from './CircleCICommitStatus';
