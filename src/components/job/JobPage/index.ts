export { JobPage } from './JobPage';
export type { JobPageProps } from './JobPage';
