export { InsightsError } from './InsightsError';
export type { InsightsErrorProps } from './InsightsError';
