export { JobHeader } from './JobHeader';
export type { JobHeaderProps } from './JobHeader';
