export { TabRoutes } from './TabRoutes';
