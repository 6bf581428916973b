export { PipelinesPage } from './PipelinesPage';
export type { PipelinesPageProps } from './PipelinesPage';
