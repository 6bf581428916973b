export { TabRoutes } from './TabRoutes';
export type { EntityCircleCIContentProps } from './TabRoutes';
