export { TestResults, testOutcome } from './TestResults';
export type { TestFilter, TestOutcome, TestResultsProps } from './TestResults';
