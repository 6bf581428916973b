/*
 * The words for a status: the label next to its icon, and the lower-case
 * text used inside sentences and accessible names.
 */
import { type CircleCIMessage, type CircleCIMessageKey, msg } from './messages';
import { CircleCIStatus, normalizeStatus } from './status';

/** The label next to the icon of each status the plugin knows. */
const LABELS: Record<CircleCIStatus, CircleCIMessageKey> = {
  success: 'status.success',
  failed: 'status.failed',
  failing: 'status.failing',
  running: 'status.running',
  on_hold: 'status.on_hold',
  queued: 'status.queued',
  blocked: 'status.blocked',
  canceled: 'status.canceled',
  not_run: 'status.not_run',
  unauthorized: 'status.unauthorized',
  unknown: 'status.unknown',
};

/** Each status inside a sentence. */
const TEXTS: Record<CircleCIStatus, CircleCIMessageKey> = {
  success: 'statusText.success',
  failed: 'statusText.failed',
  failing: 'statusText.failing',
  running: 'statusText.running',
  on_hold: 'statusText.on_hold',
  queued: 'statusText.queued',
  blocked: 'statusText.blocked',
  canceled: 'statusText.canceled',
  not_run: 'statusText.not_run',
  unauthorized: 'statusText.unauthorized',
  unknown: 'statusText.unknown',
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
export function statusLabel(status: StatusInput): CircleCIMessage {
  const resolved = resolveStatus(status);
  if (resolved === 'unknown' && typeof status === 'string' && status !== '' && status !== 'unknown') {
    return msg('status.unknownNamed', { status });
  }
  return { key: LABELS[resolved] };
}

/**
 * The status as lower-case words for a sentence or an accessible name:
 * `failed`, `on hold`; a string the plugin does not know is kept as it is.
 */
export function statusText(status: StatusInput): CircleCIMessage {
  const resolved = resolveStatus(status);
  if (resolved === 'unknown' && typeof status === 'string' && status !== '' && status !== 'unknown') {
    return msg('statusText.reported', { status });
  }
  return { key: TEXTS[resolved] };
}
