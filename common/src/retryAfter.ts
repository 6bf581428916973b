/*
 * The `Retry-After` header, read the same way by the browser's retry and
 * by the server's rate-limit window.
 */

/**
 * Reads a `Retry-After` header in either form (seconds or an HTTP date) as
 * the wait in milliseconds; undefined when absent or unreadable.
 * @public
 */
export function parseRetryAfter(options: {
  value: string | null | undefined;
  now: number;
}): number | undefined {
  const { value, now } = options;
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.max(0, Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
