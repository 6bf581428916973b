export { BranchFilter } from './BranchFilter';
export type { BranchFilterProps } from './BranchFilter';
