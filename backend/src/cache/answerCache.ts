/*
 * CircleCI's answers in Backstage's cache service (memory by default; Redis,
 * Valkey or memcache through `backend.cache`), shared by every user and, with
 * a shared store, by every replica. An entry holds the body as CircleCI sent
 * it and when it was stored; it stays fresh for its lifetime and is kept
 * longer (`staleKeepMs`), so a 429 window can still be served from it.
 */
import type { CacheService } from '@backstage/backend-plugin-api';

/** One stored answer. */
export interface CachedAnswer {
  /** The upstream status (always 2xx: only checked answers are stored). */
  status: number;
  /** The upstream `content-type`. */
  contentType: string;
  /** The body as CircleCI sent it. */
  body: string;
  /** When it was stored (epoch ms). */
  storedAt: number;
  /** Until when it may be served without asking CircleCI (epoch ms). */
  freshUntil: number;
}

/** The shared cache of answers. */
export interface AnswerCache {
  /** The entry of `key`, fresh or not, or undefined (also when the store fails). */
  get(key: string): Promise<CachedAnswer | undefined>;
  /** Stores an answer, fresh for `lifetimeMs`. Bodies over the size bound are not stored. */
  put(options: {
    key: string;
    answer: Pick<CachedAnswer, 'status' | 'contentType' | 'body'>;
    lifetimeMs: number;
  }): Promise<void>;
  /** Drops entries (after an action, or a webhook). */
  drop(keys: ReadonlyArray<string>): Promise<void>;
  /** Whether an entry is still fresh. */
  isFresh(answer: CachedAnswer): boolean;
}

/** Options of {@link createAnswerCache}. */
export interface AnswerCacheOptions {
  /** The plugin's cache service. */
  cache: CacheService;
  /** The clock. */
  now: () => number;
  /** How long an entry is kept after it went stale, for the 429 window. Default 1 hour. */
  staleKeepMs?: number;
  /** Bodies longer than this (in characters) are not stored. Default 32 million. */
  maxBodyChars?: number;
  /** Told when the store fails; the read then goes on as a miss. */
  onStoreError?: (error: unknown) => void;
}

/** The version of the entry format, in every key: a new format never reads an old entry. */
const FORMAT = 'a1';

/**
 * The key of a read: its canonical path below the API root and its query
 * (names sorted), e.g. `a1:GET v2/pipeline/<id>/workflow?page-token=x`.
 * The same request always gives the same key, whoever built it (a route, an
 * action's invalidation, a webhook).
 */
export function answerKey(options: { path: string; query?: Readonly<Record<string, string>> }): string {
  const query = options.query ?? {};
  const names = Object.keys(query).sort();
  const params = new URLSearchParams();
  for (const name of names) params.append(name, query[name]);
  const search = names.length > 0 ? `?${params.toString()}` : '';
  return `${FORMAT}:GET ${options.path}${search}`;
}

function isCachedAnswer(value: unknown): value is CachedAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.status === 'number' &&
    typeof v.contentType === 'string' &&
    typeof v.body === 'string' &&
    typeof v.storedAt === 'number' &&
    typeof v.freshUntil === 'number'
  );
}

/** Creates the cache of answers on the plugin's cache service. */
export function createAnswerCache(options: AnswerCacheOptions): AnswerCache {
  const { cache, now } = options;
  const staleKeepMs = options.staleKeepMs ?? 60 * 60_000;
  const maxBodyChars = options.maxBodyChars ?? 32_000_000;
  const report = (e: unknown) => options.onStoreError?.(e);

  return {
    async get(key) {
      try {
        const value = await cache.get(key);
        return isCachedAnswer(value) ? value : undefined;
      } catch (e) {
        report(e);
        return undefined;
      }
    },
    async put({ key, answer, lifetimeMs }) {
      if (answer.body.length > maxBodyChars || lifetimeMs <= 0) return;
      const storedAt = now();
      const entry: CachedAnswer = { ...answer, storedAt, freshUntil: storedAt + lifetimeMs };
      try {
        await cache.set(key, { ...entry }, { ttl: lifetimeMs + staleKeepMs });
      } catch (e) {
        report(e);
      }
    },
    async drop(keys) {
      await Promise.all(
        keys.map(async key => {
          try {
            await cache.delete(key);
          } catch (e) {
            report(e);
          }
        }),
      );
    },
    isFresh(answer) {
      return answer.freshUntil > now();
    },
  };
}
