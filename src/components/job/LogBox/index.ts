export { LogBox, LOG_HEIGHT_PX } from './LogBox';
export type { LogBoxProps } from './LogBox';
