export { TestResults } from './TestResults';
export type { TestFilter, TestResultsProps } from './TestResults';
