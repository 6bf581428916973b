export { ContainerSwitcher, containerStatuses } from './ContainerSwitcher';
export type { ContainerStatus, ContainerSwitcherProps } from './ContainerSwitcher';
