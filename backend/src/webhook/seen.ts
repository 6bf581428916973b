/*
 * The event ids already handled, in the plugin's cache service: with a
 * shared store (Redis, Valkey, memcache) every replica knows them, so a
 * retried or replayed event changes nothing wherever it lands. Two copies
 * arriving at the very same moment may both be handled; that only drops
 * the same entries and publishes the same signal twice.
 */
import type { CacheService } from '@backstage/backend-plugin-api';

/** How long an event id is remembered (CircleCI retries within minutes). */
export const SEEN_TTL_MS = 24 * 60 * 60_000;

const PREFIX = 'webhook-seen:v1:';

/** Remembers handled event ids. */
export interface SeenEvents {
  /** Whether `id` was handled already (false when the store fails: better handle twice than never). */
  has(id: string): Promise<boolean>;
  /** Remembers `id`. */
  add(id: string): Promise<void>;
}

/** Creates the store on the plugin's cache service. */
export function createSeenEvents(options: { cache: CacheService; onStoreError?: (error: unknown) => void }): SeenEvents {
  const { cache } = options;
  return {
    async has(id) {
      try {
        return (await cache.get(PREFIX + id)) !== undefined;
      } catch (e) {
        options.onStoreError?.(e);
        return false;
      }
    },
    async add(id) {
      try {
        await cache.set(PREFIX + id, true, { ttl: SEEN_TTL_MS });
      } catch (e) {
        options.onStoreError?.(e);
      }
    },
  };
}
