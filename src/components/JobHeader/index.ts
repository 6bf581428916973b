export { JobHeader, jobDurationText } from './JobHeader';
export type { JobHeaderProps } from './JobHeader';
