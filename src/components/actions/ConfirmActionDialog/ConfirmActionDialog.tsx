import { ReactElement, useRef } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Once a dialog has opened, moves the focus from MUI's container (where
 * MUI leaves it, outside the element with role `dialog`) to `target`; not
 * when the user has already put it on something inside.
 * @internal
 */
export function focusUnlessInside(container: HTMLElement, target: HTMLElement | null): void {
  const active = container.ownerDocument.activeElement;
  if (active && active !== container && container.contains(active)) return;
  target?.focus();
}

/**
 * Props of {@link ConfirmActionDialog}.
 * @internal
 */
export interface ConfirmActionDialogProps {
  /** True while the dialog is shown. */
  open: boolean;
  /** The question, e.g. "Cancel workflow build?". */
  title: string;
  /** What will happen, naming the workflow and the project. */
  description: string;
  /** The confirming button's label, e.g. "Cancel workflow". */
  confirmLabel: string;
  /** Called on confirmation; the dialog closes. */
  onConfirm: () => void;
  /** Called when the user backs out. */
  onClose: () => void;
}

/**
 * Asks before an action that stops or replaces running work. The dialog
 * names what it acts on, so a click on the wrong row is caught here.
 * @internal
 */
export function ConfirmActionDialog(props: ConfirmActionDialogProps): ReactElement {
  const { open, title, description, confirmLabel, onConfirm, onClose } = props;
  const { t } = useCircleCITranslation();
  // The focus moves into the dialog, on the choice that changes nothing.
  const keep = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby="circleci-confirm-title"
      TransitionProps={{ onEntered: node => focusUnlessInside(node, keep.current) }}
    >
      <DialogTitle id="circleci-confirm-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{description}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} ref={keep}>
          {t('common.keepRunning')}
        </Button>
        <Button
          color="primary"
          variant="contained"
          onClick={() => {
            onClose();
            onConfirm();
          }}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
