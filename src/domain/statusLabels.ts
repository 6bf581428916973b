/*
 * The words for a status: the label next to its icon, and the lower-case
 * text used inside sentences and accessible names.
 */
import { CircleCIStatus, normalizeStatus } from './status';

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

/**
 * A normalised status, or a raw CircleCI status string; null or undefined
 * when CircleCI sends none.
 */
export type StatusInput = CircleCIStatus | string | null | undefined;

/**
 * The plugin's status for a normalised status or a raw CircleCI string:
 * the plugin's own names are kept, everything else is normalised. A null
 * status (the spec allows it for jobs) is `unknown`, a neutral status.
 */
export function resolveStatus(status: StatusInput): CircleCIStatus {
  if (typeof status === 'string' && Object.prototype.hasOwnProperty.call(LABELS, status)) {
    return status as CircleCIStatus;
  }
  return normalizeStatus(status);
}

/**
 * The label shown next to a status icon: `Success`, `On hold`; a string
 * the plugin does not know is shown as `Unknown (that string)`.
 */
export function statusLabel(status: StatusInput): string {
  const resolved = resolveStatus(status);
  if (resolved === 'unknown' && typeof status === 'string' && status !== '' && status !== 'unknown') {
    return `Unknown (${status})`;
  }
  return LABELS[resolved];
}

/**
 * The status as lower-case words for a sentence or an accessible name:
 * `failed`, `on hold`; a string the plugin does not know is kept as it is.
 */
export function statusText(status: StatusInput): string {
  const resolved = resolveStatus(status);
  if (resolved === 'unknown') {
    return typeof status === 'string' && status !== '' ? status : 'unknown';
  }
  return resolved.replace('_', ' ');
}
