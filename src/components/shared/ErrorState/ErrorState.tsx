import { ReactElement } from 'react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { describeError } from '../../../domain/errors';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link ErrorState}.
 * @internal
 */
export interface ErrorStateProps {
  /** The error to explain. */
  error: unknown;
  /** What was being loaded, e.g. `project gh/acme/rocket`. */
  subject?: string;
  /** Offers a retry button when given. */
  onRetry?: () => void;
}

/**
 * Explains a failure in place: what happened and what to do. Failures the
 * plugin recognises get a specific message; anything else is shown with
 * Backstage's `ResponseErrorPanel`.
 * @internal
 */
export function ErrorState(props: ErrorStateProps): ReactElement {
  const { error, subject, onRetry } = props;
  const { t, translate } = useCircleCITranslation();
  const description = describeError(error, { subject, translate });
  const retry = onRetry ? (
    <Button variant="outlined" size="small" onClick={onRetry}>
      {t('common.tryAgain')}
    </Button>
  ) : null;

  if (description.kind === 'unknown' || description.kind === 'bad-request') {
    return (
      <>
        <ResponseErrorPanel
          error={error instanceof Error ? error : new Error(description.message)}
          title={description.title}
        />
        {retry}
      </>
    );
  }
  return (
    <WarningPanel
      severity={description.kind === 'rate-limited' ? 'warning' : 'error'}
      title={description.title}
      defaultExpanded
    >
      <Typography variant="body2" role="alert">
        {description.message}
      </Typography>
      {retry}
    </WarningPanel>
  );
}
