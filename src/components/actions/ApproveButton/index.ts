export { ApproveButton } from './ApproveButton';
export type { ApproveButtonProps } from './ApproveButton';
