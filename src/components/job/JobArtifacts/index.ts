export { JobArtifacts } from './JobArtifacts';
export type { JobArtifactsProps } from './JobArtifacts';
