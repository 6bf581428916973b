export { FlakyTests } from './FlakyTests';
export type { FlakyTestsProps } from './FlakyTests';
