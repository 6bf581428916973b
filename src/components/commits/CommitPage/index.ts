export { CommitPage } from './CommitPage';
export type { CommitPageProps } from './CommitPage';
