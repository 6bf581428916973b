/*
 * The one poll rule: only unfinished work is re-read, about every 10 s,
 * doubling the wait after each failed read up to 2 minutes. While CircleCI
 * signals are live in this tab (`signalsLive.ts`: a probe's answer arrived
 * on a watched channel), work whose completion a signal reports
 * (`signalled` queries: workflows, a workflow's jobs, a job) is re-read
 * every 30 s instead: the signal brings the completion at once, and the
 * slower poll still shows work that starts (CircleCI sends no "started"
 * event) and covers signals missed while the connection was down. Queries pass
 * `pollInterval` as TanStack Query's `refetchInterval`, so the interval is
 * a function of the data; nothing is polled while the page is hidden
 * (`refetchIntervalInBackground: false` in the plugin's query client).
 */
import type { Query, QueryKey } from '@tanstack/react-query';
import { signalsLive } from './signalsLive';

/** The polling interval while work runs. */
export const POLL_INTERVAL_MS = 10_000;
/** The polling interval of `signalled` work while signals are live. */
export const SIGNALS_POLL_INTERVAL_MS = 30_000;
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
 * failures; `false` (no timer) otherwise. With `signalled`, the base
 * interval is {@link SIGNALS_POLL_INTERVAL_MS} while signals are live.
 */
export function pollInterval<T>(
  isLive: ((value: T) => boolean) | undefined,
  options: { signalled?: boolean } = {},
): (query: Query<T, Error, T, QueryKey>) => number | false {
  return query => {
    const data = query.state.data;
    if (!isLive || data === undefined || !isLive(data)) return false;
    const n = Math.min(failureCount(query), 4);
    const base = options.signalled && signalsLive() ? SIGNALS_POLL_INTERVAL_MS : POLL_INTERVAL_MS;
    return Math.min(MAX_BACKOFF_MS, base * 2 ** n);
  };
}
