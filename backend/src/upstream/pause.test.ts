/*
 * The 429 window shared through the cache store: a window opened on one
 * replica pauses the others, and its entry never holds the token.
 */
import type { CacheService } from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';
import { createRateLimitPause, DEFAULT_PAUSE_MS, MAX_PAUSE_MS } from './pause';

/** A shared store as Redis would be: one map for every replica. */
function sharedStore(): CacheService & { entries: Map<string, JsonValue> } {
  const entries = new Map<string, JsonValue>();
  const store = {
    entries,
    get: async (key: string) => entries.get(key) as any,
    set: async (key: string, value: JsonValue) => {
      entries.set(key, value);
    },
    delete: async (key: string) => {
      entries.delete(key);
    },
    withOptions: () => store,
  };
  return store;
}

describe('createRateLimitPause', () => {
  it('pauses every replica sharing the store, for the Retry-After window', async () => {
    let t = 1_000_000;
    const now = () => t;
    const store = sharedStore();
    const a = createRateLimitPause({ key: 'tokenhash', now, store, sharedCheckMs: 0 });
    const b = createRateLimitPause({ key: 'tokenhash', now, store, sharedCheckMs: 0 });
    expect(await b.pausedUntil()).toBeUndefined();
    const until = await a.start({ retryAfter: '12' });
    expect(until).toBe(t + 12_000);
    expect(await b.pausedUntil()).toBe(until);
    expect([...store.entries.keys()]).toEqual(['pause:tokenhash']);
    t += 12_001;
    expect(await a.pausedUntil()).toBeUndefined();
    expect(await b.pausedUntil()).toBeUndefined();
  });

  it('reads HTTP dates, defaults to 60 s, bounds the wait, and never pauses less than 1 s', async () => {
    const t = Date.UTC(2026, 0, 1);
    const p = () => createRateLimitPause({ key: 'k', now: () => t });
    expect(await p().start({ retryAfter: new Date(t + 5_000).toUTCString() })).toBe(t + 5_000);
    expect(await p().start({ retryAfter: undefined })).toBe(t + DEFAULT_PAUSE_MS);
    expect(await p().start({ retryAfter: 'soon' })).toBe(t + DEFAULT_PAUSE_MS);
    expect(await p().start({ retryAfter: '999999' })).toBe(t + MAX_PAUSE_MS);
    expect(await p().start({ retryAfter: '0' })).toBe(t + 1_000);
  });

  it('goes on locally when the store fails', async () => {
    const errors: unknown[] = [];
    const broken: CacheService = {
      get: async () => {
        throw new Error('down');
      },
      set: async () => {
        throw new Error('down');
      },
      delete: async () => undefined,
      withOptions: () => broken,
    };
    const pause = createRateLimitPause({ key: 'k', now: () => 0, store: broken, onStoreError: e => errors.push(e) });
    expect(await pause.start({ retryAfter: '3' })).toBe(3_000);
    expect(await pause.pausedUntil()).toBe(3_000);
    expect(errors.length).toBeGreaterThanOrEqual(1);
  });
});
