import { ReactElement } from 'react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
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
 * words. Failures the plugin recognises get a specific message, with any
 * technical detail (a parser's complaint) behind "Details"; anything else
 * is shown with Backstage's `ResponseErrorPanel`.
 * @internal
 */
export function ErrorState(props: ErrorStateProps): ReactElement {
  const { error, subject, onRetry } = props;
  const { t, tm } = useCircleCITranslation();
  const description = describeError(error, { subject });
  const retry = onRetry ? (
    <Button variant="outlined" size="small" onClick={onRetry}>
      {t('common.tryAgain')}
    </Button>
  ) : null;

  if (description.kind === 'unknown' || description.kind === 'bad-request') {
    return (
      <>
        <ResponseErrorPanel
          error={error instanceof Error ? error : new Error(description.detail ?? tm(description.message))}
          title={tm(description.title)}
        />
        {retry}
      </>
    );
  }
  return (
    <WarningPanel
      severity={description.kind === 'rate-limited' ? 'warning' : 'error'}
      title={tm(description.title)}
      defaultExpanded
    >
      <Typography variant="body2" role="alert">
        {tm(description.message)}
      </Typography>
      {description.hint && <Typography variant="body2">{tm(description.hint)}</Typography>}
      <ErrorDetails detail={description.detail} />
      {retry}
    </WarningPanel>
  );
}
