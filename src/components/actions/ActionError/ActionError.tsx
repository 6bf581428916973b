import { ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { describeActionError } from '../../../domain/actionErrors';
import type { CircleCIAction } from '../../../domain/actions';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { ErrorDetails } from '../../shared/ErrorDetails';

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
  const { tm } = useCircleCITranslation();
  const d = describeActionError(props.error, { action: props.action, project: props.project });
  return (
    <Alert severity="error" onClose={props.onClose} role="alert" data-testid="action-error">
      <Typography variant="body2" component="div" style={{ fontWeight: 600 }}>
        {tm(d.title)}
      </Typography>
      <Typography variant="body2" component="div">
        {tm(d.message)}
      </Typography>
      {d.configLine && (
        <Typography variant="body2" component="pre" style={{ margin: '4px 0 0' }}>
          <code>{d.configLine}</code>
        </Typography>
      )}
      <ErrorDetails detail={d.detail} />
    </Alert>
  );
}
