export { CardProjects } from './CardProjects';
export type { CardProjectsProps } from './CardProjects';
