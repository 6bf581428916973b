export { ConfirmActionDialog, focusUnlessInside } from './ConfirmActionDialog';
export type { ConfirmActionDialogProps } from './ConfirmActionDialog';
