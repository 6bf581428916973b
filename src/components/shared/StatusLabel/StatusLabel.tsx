import { ComponentType, ReactElement, ReactNode } from 'react';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import type { CircleCIStatus } from '../../../domain/status';
import { resolveStatus, statusLabel } from '../../../domain/statusLabels';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * The status components of core-components render a body1 Typography and
 * pass other props on to it: `variant="inherit"` makes the label take the
 * font of its surroundings (body2 in a table cell) instead of the larger
 * body1. They also hide themselves, label included, from assistive
 * technology (`aria-hidden`, with an `aria-label` on a plain span): undoing
 * both lets a screen reader read the label, so a status is never told by the
 * icon's colour alone (the icon itself stays hidden).
 */
type StatusIcon = ComponentType<{
  children?: ReactNode;
  variant?: 'inherit';
  'aria-hidden'?: undefined;
  'aria-label'?: undefined;
}>;

const ICONS: Record<CircleCIStatus, StatusIcon> = {
  success: StatusOK,
  failed: StatusError,
  failing: StatusError,
  running: StatusRunning,
  on_hold: StatusPending,
  queued: StatusPending,
  blocked: StatusPending,
  canceled: StatusAborted,
  not_run: StatusAborted,
  unauthorized: StatusWarning,
  unknown: StatusAborted,
};

/**
 * Props of {@link StatusLabel}.
 * @public
 */
export interface StatusLabelProps {
  /**
   * A normalised status, or a raw CircleCI status string; null (which the
   * spec allows for a job) shows a neutral "Unknown".
   */
  status: CircleCIStatus | string | null | undefined;
  /** Text to show instead of the status' own label. */
  children?: ReactNode;
}

/**
 * A status icon in Backstage's shared vocabulary with a label, in the font
 * size of its surroundings. Unknown status strings render as a neutral
 * "Unknown (…)", and a missing status as "Unknown", rather than failing.
 * @public
 */
export function StatusLabel(props: StatusLabelProps): ReactElement {
  const { tm } = useCircleCITranslation();
  const Icon = ICONS[resolveStatus(props.status)];
  return (
    <Icon variant="inherit" aria-hidden={undefined} aria-label={undefined}>
      {props.children ?? tm(statusLabel(props.status))}
    </Icon>
  );
}
