export { JobArtifacts, groupArtifacts } from './JobArtifacts';
export type { JobArtifactsProps } from './JobArtifacts';
