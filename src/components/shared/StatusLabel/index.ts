export { StatusLabel } from './StatusLabel';
export type { StatusLabelProps } from './StatusLabel';
