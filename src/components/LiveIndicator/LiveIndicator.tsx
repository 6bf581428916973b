import { ReactElement } from 'react';
import Chip from '@material-ui/core/Chip';
import { clockTime } from '../../domain/time';

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
 * Tells whether the view updates itself, and when it last refreshed.
 * @internal
 */
export function LiveIndicator(props: LiveIndicatorProps): ReactElement {
  const { live, updatedAt } = props;
  const time = updatedAt ? clockTime(updatedAt) : undefined;
  const label = `${live ? 'Live' : 'Settled'}${time ? ` · updated ${time}` : ''}`;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={live ? 'primary' : 'default'}
      label={label}
      aria-live="polite"
    />
  );
}
