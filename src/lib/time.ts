import { DateTime, Duration } from 'luxon';

/**
 * Formats a span of milliseconds compactly: `45s`, `3m 12s`, `2h 5m`.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  const d = Duration.fromMillis(ms).shiftTo('hours', 'minutes', 'seconds');
  const h = Math.floor(d.hours);
  const m = Math.floor(d.minutes);
  const s = Math.floor(d.seconds);
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${s}s`;
  return `${s}s`;
}

/** Parses an ISO timestamp; undefined for missing or invalid input. */
export function parseTime(iso: string | null | undefined): DateTime | undefined {
  if (!iso) return undefined;
  const dt = DateTime.fromISO(iso);
  return dt.isValid ? dt : undefined;
}

/**
 * The time between two ISO timestamps; a missing end means "until now".
 * Undefined when the start is missing or invalid.
 */
export function durationBetween(options: {
  start: string | null | undefined;
  end: string | null | undefined;
  now?: number;
}): number | undefined {
  const start = parseTime(options.start);
  if (!start) return undefined;
  const end = parseTime(options.end);
  const endMs = end ? end.toMillis() : options.now ?? Date.now();
  return Math.max(0, endMs - start.toMillis());
}

const RELATIVE_BUCKET_MS = 15_000;
const relativeCache = new Map<string, { bucket: number; value: { relative: string; exact: string } }>();

/**
 * "5 minutes ago", with the exact time for a tooltip. Formatting with luxon
 * is costly for a table re-rendered as data arrives, so each timestamp is
 * formatted at most once per 15 s.
 */
export function relativeTime(iso: string | null | undefined): {
  relative: string;
  exact: string;
} | undefined {
  if (!iso) return undefined;
  const bucket = Math.floor(Date.now() / RELATIVE_BUCKET_MS);
  const hit = relativeCache.get(iso);
  if (hit && hit.bucket === bucket) return hit.value;
  const dt = parseTime(iso);
  if (!dt) return undefined;
  const value = {
    relative: dt.toRelative() ?? dt.toLocaleString(DateTime.DATETIME_SHORT),
    exact: dt.toLocaleString(DateTime.DATETIME_FULL),
  };
  if (relativeCache.size > 500) relativeCache.clear();
  relativeCache.set(iso, { bucket, value });
  return value;
}
