import { ReactElement } from 'react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { describeError } from '../../../domain/errors';
import type { CircleCIMessage } from '../../../domain/messages';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { ErrorDetails } from '../ErrorDetails';

/**
 * Props of {@link ErrorState}.
 * @internal
 */
export interface ErrorStateProps {
  /** The error to explain. */
  error: unknown;
  /** What was being loaded, e.g. `project gh/acme/rocket` (translated text, or a message). */
  subject?: string | CircleCIMessage;
  /** Offers a retry button when given. */
  onRetry?: () => void;
}

/**
 * Explains a failure in place: what happened and what to do, in the app's
 * words (every text through the translation ref, none of an error's own
 * English). Technical detail (a parser's complaint, the server's words, an
 * unknown error's message) is shown only behind a closed "Details".
 * @internal
 */
export function ErrorState(props: ErrorStateProps): ReactElement {
  const { error, subject, onRetry } = props;
  const { t, tm } = useCircleCITranslation();
  const description = describeError(error, { subject });
  return (
    <Alert
      severity={description.kind === 'rate-limited' ? 'warning' : 'error'}
      data-testid="error-state"
      action={
        onRetry ? (
          <Button variant="outlined" size="small" color="inherit" onClick={onRetry}>
            {t('common.tryAgain')}
          </Button>
        ) : undefined
      }
    >
      <Typography variant="subtitle1" component="p" style={{ fontWeight: 600 }}>
        {tm(description.title)}
      </Typography>
      <Typography variant="body2">{tm(description.message)}</Typography>
      {description.hint && <Typography variant="body2">{tm(description.hint)}</Typography>}
      <ErrorDetails detail={description.detail} />
    </Alert>
  );
}
