export { TabBreadcrumbs } from './TabBreadcrumbs';
export type { Crumb, TabBreadcrumbsProps } from './TabBreadcrumbs';
