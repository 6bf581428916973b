export { LiveIndicator } from './LiveIndicator';
export type { LiveIndicatorProps } from './LiveIndicator';
