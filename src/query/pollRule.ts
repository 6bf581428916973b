/*
 * The one poll rule: only unfinished work is re-read, about every 10 s,
 * doubling the wait after each failed read up to 2 minutes. Queries pass
 * `pollInterval` as TanStack Query's `refetchInterval`, so the interval is
 * a function of the data; nothing is polled while the page is hidden
 * (`refetchIntervalInBackground: false` in the plugin's query client).
 */
import type { Query, QueryKey } from '@tanstack/react-query';

/** The polling interval while work runs. */
export const POLL_INTERVAL_MS = 10_000;
/** The longest wait between polls after repeated failures. */
export const MAX_BACKOFF_MS = 120_000;

const failures = new WeakMap<object, number>();

/**
 * Records the outcome of one read of a query, for the backoff. TanStack's
 * own failure count restarts with every fetch, so consecutive failures are
 * counted here.
 */
export function recordOutcome(options: { query: object; failed: boolean }): void {
  failures.set(options.query, options.failed ? (failures.get(options.query) ?? 0) + 1 : 0);
}

/** Consecutive failed reads of a query. */
export function failureCount(query: object): number {
  return failures.get(query) ?? 0;
}

/**
 * A `refetchInterval` that polls while `isLive(data)` holds, backing off on
 * failures; `false` (no timer) otherwise.
 */
export function pollInterval<T>(
  isLive: ((value: T) => boolean) | undefined,
): (query: Query<T, Error, T, QueryKey>) => number | false {
  return query => {
    const data = query.state.data;
    if (!isLive || data === undefined || !isLive(data)) return false;
    const n = Math.min(failureCount(query), 4);
    return Math.min(MAX_BACKOFF_MS, POLL_INTERVAL_MS * 2 ** n);
  };
}
