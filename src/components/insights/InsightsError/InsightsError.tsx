import { ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { describeInsightsError } from '../../../domain/insightsErrors';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { ErrorState } from '../../shared/ErrorState';

/**
 * Props of {@link InsightsError}.
 * @internal
 */
export interface InsightsErrorProps {
  /** The failure of an Insights request. */
  error: unknown;
  /** The project whose insights were read. */
  project: string;
  /** Offers a retry button when given. */
  onRetry?: () => void;
}

/**
 * Explains a failed Insights request: a 403 or 404 says that insights need
 * a personal API token whose user can see the project; anything else is
 * explained as everywhere in the tab.
 * @internal
 */
export function InsightsError(props: InsightsErrorProps): ReactElement {
  const { error, project, onRetry } = props;
  const { t, tm } = useCircleCITranslation();
  const description = describeInsightsError(error, { project });
  if (description.kind !== 'forbidden' && description.kind !== 'not-found') {
    return <ErrorState error={error} subject={t('insights.subject', { project })} onRetry={onRetry} />;
  }
  return (
    <Alert severity="error" data-testid="error-state">
      <Typography variant="subtitle1" component="p" style={{ fontWeight: 600 }}>
        {tm(description.title)}
      </Typography>
      <Typography variant="body2">{tm(description.message)}</Typography>
    </Alert>
  );
}
