/*
 * The words for a status: the label next to its icon, and the lower-case
 * text used inside sentences and accessible names.
 */
import { type CircleCITranslate, STATUS_TEXT_MESSAGES, englishTranslate } from './messages';
import { CircleCIStatus, normalizeStatus } from './status';

/** One entry per status the plugin knows. */
const LABELS: Record<CircleCIStatus, string> = STATUS_TEXT_MESSAGES;

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
export function statusLabel(
  status: StatusInput,
  translate: CircleCITranslate = englishTranslate,
): string {
  const resolved = resolveStatus(status);
  if (resolved === 'unknown' && typeof status === 'string' && status !== '' && status !== 'unknown') {
    return translate('status.unknownNamed', { status });
  }
  return translate(`status.${resolved}`);
}

/**
 * The status as lower-case words for a sentence or an accessible name:
 * `failed`, `on hold`; a string the plugin does not know is kept as it is.
 */
export function statusText(
  status: StatusInput,
  translate: CircleCITranslate = englishTranslate,
): string {
  const resolved = resolveStatus(status);
  if (resolved === 'unknown' && typeof status === 'string' && status !== '' && status !== 'unknown') {
    return status;
  }
  return translate(`statusText.${resolved}`);
}
