export type { CircleCIPaths } from './CircleCIPaths';
export { CircleCIPathsProvider } from './CircleCIPathsProvider';
export type { CircleCIPathsProviderProps } from './CircleCIPathsProvider';
export { useCircleCIPaths } from './useCircleCIPaths';
export { parseJobNumber } from './parseJobNumber';
