import { ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import { WarningPanel } from '@backstage/core-components';
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
    <WarningPanel severity="error" title={tm(description.title)} defaultExpanded>
      <Typography variant="body2" role="alert">
        {tm(description.message)}
      </Typography>
    </WarningPanel>
  );
}
