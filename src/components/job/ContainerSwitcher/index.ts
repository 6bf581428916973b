export { ContainerSwitcher } from './ContainerSwitcher';
export type { ContainerSwitcherProps } from './ContainerSwitcher';
