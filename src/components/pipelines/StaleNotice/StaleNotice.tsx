import { ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import { describeStaleData } from '../../../domain/errors';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link StaleNotice}.
 * @internal
 */
export interface StaleNoticeProps {
  /** When the backend stored the data it serves while CircleCI rate-limits. */
  storedAt: Date;
}

/**
 * Says that the data shown is the backend's cached copy because CircleCI
 * rate-limits: "CircleCI is rate-limiting; showing data from HH:MM". A
 * polite status, read once when it appears.
 * @internal
 */
export function StaleNotice(props: StaleNoticeProps): ReactElement {
  const { tm } = useCircleCITranslation();
  return (
    <Typography variant="body2" color="textSecondary" role="status" data-testid="circleci-stale-notice">
      {tm(describeStaleData({ storedAt: props.storedAt }))}
    </Typography>
  );
}
