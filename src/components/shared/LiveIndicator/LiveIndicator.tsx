import { ReactElement } from 'react';
import Chip from '@material-ui/core/Chip';
import { clockTime } from '../../../domain/time';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link LiveIndicator}.
 * @internal
 */
export interface LiveIndicatorProps {
  /** True while the view is polled. */
  live: boolean;
  /** When the data was last loaded (ms since epoch). */
  updatedAt?: number;
}

/**
 * Tells whether the view updates itself, and when it last refreshed. Only
 * the state ("Live" or "Settled") is a polite live region, so a screen
 * reader hears it once when it changes, not the time of every poll.
 * @internal
 */
export function LiveIndicator(props: LiveIndicatorProps): ReactElement {
  const { live, updatedAt } = props;
  const { t } = useCircleCITranslation();
  const time = updatedAt ? clockTime(updatedAt) : undefined;
  const state = (
    <span role="status" aria-live="polite">
      {live ? t('common.live') : t('common.settled')}
    </span>
  );
  const label = time ? t('common.liveUpdatedAt', { state, time }) : state;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={live ? 'primary' : 'default'}
      label={label}
      data-testid="live-indicator"
    />
  );
}
