export { TabBreadcrumbs } from './TabBreadcrumbs';
export type { Crumb } from './TabBreadcrumbs';
