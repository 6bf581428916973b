import { ReactElement } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

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
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="circleci-confirm-title">
      <DialogTitle id="circleci-confirm-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{description}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.keepRunning')}</Button>
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
