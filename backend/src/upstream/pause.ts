/*
 * The 429 window: after CircleCI answers 429, no upstream call is sent with
 * that token until the `Retry-After` wait is over, for every user. The
 * window lives on this replica and, when a store is given (the plugin's
 * cache service: Redis or Valkey in production), is shared with the other
 * replicas, which look at it at most once per `sharedCheckMs`.
 */
import type { CacheService } from '@backstage/backend-plugin-api';
import { parseRetryAfter } from '@circleci-backstage/plugin-circleci-common';

/** The wait when a 429 has no readable `Retry-After`. */
export const DEFAULT_PAUSE_MS = 60_000;
/** The longest wait honoured, whatever `Retry-After` says. */
export const MAX_PAUSE_MS = 60 * 60_000;

/** The 429 window of one token. */
export interface RateLimitPause {
  /** When the window closes (epoch ms), or undefined when calls may go. */
  pausedUntil(): Promise<number | undefined>;
  /**
   * Opens (or extends) the window after a 429, from its `Retry-After`
   * header; returns when it closes.
   */
  start(options: { retryAfter: string | null | undefined }): Promise<number>;
}

interface SharedWindow {
  until: number;
}

function isSharedWindow(value: unknown): value is SharedWindow {
  return typeof value === 'object' && value !== null && typeof (value as SharedWindow).until === 'number';
}

/**
 * Creates the window of one token. `key` names the token without holding it
 * (a hash), so the shared entry never carries the secret.
 */
export function createRateLimitPause(options: {
  key: string;
  now: () => number;
  store?: CacheService;
  sharedCheckMs?: number;
  onStoreError?: (error: unknown) => void;
}): RateLimitPause {
  const { key, now, store } = options;
  const sharedCheckMs = options.sharedCheckMs ?? 1_000;
  const storeKey = `pause:${key}`;
  let localUntil = 0;
  let lastSharedCheck = Number.NEGATIVE_INFINITY;

  const readShared = async (): Promise<void> => {
    if (!store || now() - lastSharedCheck < sharedCheckMs) return;
    lastSharedCheck = now();
    try {
      const shared = await store.get(storeKey);
      if (isSharedWindow(shared)) localUntil = Math.max(localUntil, shared.until);
    } catch (e) {
      options.onStoreError?.(e);
    }
  };

  return {
    async pausedUntil() {
      await readShared();
      return localUntil > now() ? localUntil : undefined;
    },
    async start({ retryAfter }) {
      const t = now();
      const wait = Math.min(MAX_PAUSE_MS, parseRetryAfter({ value: retryAfter, now: t }) ?? DEFAULT_PAUSE_MS);
      // At least one second: a 429 with `Retry-After: 0` still slows everyone down.
      const until = Math.max(localUntil, t + Math.max(1_000, wait));
      localUntil = until;
      if (store) {
        try {
          const shared: SharedWindow = { until };
          await store.set(storeKey, { ...shared }, { ttl: until - t });
        } catch (e) {
          options.onStoreError?.(e);
        }
      }
      return until;
    },
  };
}
