import { useCallback, useEffect, useRef, useState } from 'react';
import { usePageVisible } from './usePageVisible';
import { isAbort, useCircleCI } from './useResourceCache';
import type { CircleCIApi } from '../api/CircleCIApi';

/**
 * What a resource hook returns.
 * @public
 */
export interface ResourceState<T> {
  /** The value for the current key; never a previous key's value. */
  value?: T;
  error?: Error;
  /** True while the first load for this key runs. */
  loading: boolean;
  /** True while the value is polled because its work is still running. */
  live: boolean;
  /** When the value was last loaded (ms since epoch). */
  updatedAt?: number;
  /** Loads again now, bypassing the cache. */
  refresh: () => void;
}

/** The polling interval while work runs, and its bound on errors. */
export const POLL_INTERVAL_MS = 10_000;
const MAX_BACKOFF_MS = 120_000;

interface Loaded<T> {
  key: string;
  value?: T;
  error?: Error;
  updatedAt?: number;
}

/**
 * Loads one resource through the shared cache, keyed on `key` (undefined
 * skips loading). When `isLive(value)` is true the value is re-read about
 * every 10 s while the page is visible, backing off on errors; polling stops
 * once the work settles. Requests are cancelled on unmount or key change.
 * @public
 */
export function useResource<T>(options: {
  key: string | undefined;
  load: (api: CircleCIApi, signal: AbortSignal) => Promise<T>;
  isLive?: (value: T) => boolean;
}): ResourceState<T> {
  const { key, isLive } = options;
  const { api, cache } = useCircleCI();
  const pageVisible = usePageVisible();
  const loadRef = useRef(options.load);
  loadRef.current = options.load;
  const [loaded, setLoaded] = useState<Loaded<T> | undefined>();
  const [tick, setTick] = useState(0);
  const failures = useRef(0);
  // True when the next load must bypass a fresh cached value (refresh, poll).
  const forced = useRef(false);

  useEffect(() => {
    if (key === undefined) return undefined;
    const controller = new AbortController();
    const cached = cache.peek<T>(key);
    if (cached) {
      setLoaded(prev =>
        prev?.key === key && prev.value === cached.value
          ? prev
          : { key, value: cached.value, updatedAt: Date.now() },
      );
    }
    const force = forced.current;
    forced.current = false;
    if (cached?.fresh && !force) return undefined;
    cache
      .load({ key, loader: s => loadRef.current(api, s), signal: controller.signal })
      .then(
        value => {
          failures.current = 0;
          setLoaded({ key, value, updatedAt: Date.now() });
        },
        error => {
          if (isAbort(error)) return;
          failures.current++;
          setLoaded(prev =>
            prev?.key === key ? { ...prev, error } : { key, error },
          );
        },
      );
    return () => controller.abort();
  }, [api, cache, key, tick]);

  const current = loaded?.key === key ? loaded : undefined;
  const live = Boolean(current?.value !== undefined && isLive?.(current.value as T));

  useEffect(() => {
    if (!live || !pageVisible || key === undefined) return undefined;
    const delay = Math.min(MAX_BACKOFF_MS, POLL_INTERVAL_MS * 2 ** failures.current);
    const timer = setTimeout(() => {
      forced.current = true;
      setTick(t => t + 1);
    }, delay);
    return () => clearTimeout(timer);
  }, [live, pageVisible, key, cache, current?.updatedAt, current?.error]);

  const refresh = useCallback(() => {
    forced.current = true;
    setTick(t => t + 1);
  }, []);

  return {
    value: current?.value,
    error: current?.error,
    loading: key !== undefined && !current?.value && !current?.error,
    live,
    updatedAt: current?.updatedAt,
    refresh,
  };
}
