import { ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { describeActionError } from '../../../domain/actionErrors';
import type { CircleCIAction } from '../../../domain/actions';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link ActionError}.
 * @internal
 */
export interface ActionErrorProps {
  /** The failure. */
  error: Error;
  /** The action that failed. */
  action: CircleCIAction;
  /** The project's slug. */
  project: string;
  /** Dismisses the message. */
  onClose?: () => void;
}

/**
 * Why an action failed, in place next to its control: CircleCI's own
 * message is shown as text, and for a proxy that refuses POST the line to
 * add is shown as code.
 * @internal
 */
export function ActionError(props: ActionErrorProps): ReactElement {
  const { translate } = useCircleCITranslation();
  const d = describeActionError(props.error, {
    action: props.action,
    project: props.project,
    translate,
  });
  return (
    <Alert severity="error" onClose={props.onClose} role="alert" data-testid="action-error">
      <Typography variant="body2" component="div" style={{ fontWeight: 600 }}>
        {d.title}
      </Typography>
      <Typography variant="body2" component="div">
        {d.message}
      </Typography>
      {d.configLine && (
        <Typography variant="body2" component="pre" style={{ margin: '4px 0 0' }}>
          <code>{d.configLine}</code>
        </Typography>
      )}
    </Alert>
  );
}
