import { ComponentType, ReactNode } from 'react';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { CircleCIStatus, normalizeStatus } from '../../domain/status';

const LABELS: Record<CircleCIStatus, string> = {
  success: 'Success',
  failed: 'Failed',
  failing: 'Failing',
  running: 'Running',
  on_hold: 'On hold',
  queued: 'Queued',
  blocked: 'Blocked',
  canceled: 'Canceled',
  not_run: 'Not run',
  unauthorized: 'Unauthorized',
  unknown: 'Unknown',
};

const ICONS: Record<CircleCIStatus, ComponentType<{ children?: ReactNode }>> = {
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
  /** A normalised status, or a raw CircleCI status string. */
  status: CircleCIStatus | string | null | undefined;
  /** Text to show instead of the status' own label. */
  children?: ReactNode;
}

/**
 * A status icon in Backstage's shared vocabulary with a label. Unknown
 * status strings render as a neutral "Unknown (…)" rather than failing.
 * @public
 */
export function StatusLabel(props: StatusLabelProps) {
  const raw = props.status;
  const status: CircleCIStatus =
    typeof raw === 'string' && raw in LABELS ? (raw as CircleCIStatus) : normalizeStatus(raw);
  const Icon = ICONS[status];
  const label =
    status === 'unknown' && typeof raw === 'string' && raw !== 'unknown'
      ? `Unknown (${raw})`
      : LABELS[status];
  return <Icon>{props.children ?? label}</Icon>;
}
