/**
 * A small cache of loaded resources, shared by the hooks of one client:
 * concurrent callers of the same key share one request in flight, a value
 * loaded less than `ttlMs` ago is served at once, and a request is aborted
 * when every caller waiting for it has gone away.
 */

interface Entry {
  value?: unknown;
  fetchedAt?: number;
  inflight?: { promise: Promise<unknown>; controller: AbortController; waiters: number };
}

/** Options for {@link ResourceCache}. */
export interface ResourceCacheOptions {
  /** How long a loaded value counts as fresh. Default 30 s. */
  ttlMs?: number;
  /** How many values are kept. Default 300. */
  maxEntries?: number;
  /** The clock. Default `Date.now`. */
  now?: () => number;
}

function abortError(): Error {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** See the file comment. */
export class ResourceCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: ResourceCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.maxEntries = options.maxEntries ?? 300;
    this.now = options.now ?? Date.now;
  }

  /** The cached value of a key, and whether it is still fresh. */
  peek<T>(key: string): { value: T; fresh: boolean } | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.fetchedAt === undefined) return undefined;
    return {
      value: entry.value as T,
      fresh: this.now() - entry.fetchedAt < this.ttlMs,
    };
  }

  /** Stores a value, e.g. one that arrived inside a larger response. */
  set<T>(key: string, value: T): void {
    const entry = this.entries.get(key) ?? {};
    entry.value = value;
    entry.fetchedAt = this.now();
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.evict();
  }

  /** Forgets every key that starts with `prefix`. */
  invalidate(prefix: string): void {
    for (const [key, entry] of this.entries) {
      if (key.startsWith(prefix)) entry.fetchedAt = undefined;
    }
  }

  /**
   * Loads a key, sharing a request already in flight. The caller's signal
   * only detaches this caller; the request is aborted once no caller waits.
   */
  load<T>(options: {
    key: string;
    loader: (signal: AbortSignal) => Promise<T>;
    signal?: AbortSignal;
  }): Promise<T> {
    const { key, loader, signal } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {};
      this.entries.set(key, entry);
    }
    if (!entry.inflight) {
      const controller = new AbortController();
      const target = entry;
      const promise = loader(controller.signal).then(
        value => {
          if (target.inflight?.promise === promise) target.inflight = undefined;
          this.set(key, value);
          return value;
        },
        error => {
          if (target.inflight?.promise === promise) target.inflight = undefined;
          throw error;
        },
      );
      entry.inflight = { promise, controller, waiters: 0 };
    }
    const inflight = entry.inflight;
    inflight.waiters++;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const onAbort = () => {
        if (settled) return;
        settled = true;
        inflight.waiters--;
        if (inflight.waiters === 0) {
          inflight.controller.abort();
          if (this.entries.get(key)?.inflight === inflight) {
            this.entries.get(key)!.inflight = undefined;
          }
        }
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      inflight.promise.then(
        value => {
          signal?.removeEventListener('abort', onAbort);
          if (!settled) {
            settled = true;
            inflight.waiters--;
            resolve(value as T);
          }
        },
        error => {
          signal?.removeEventListener('abort', onAbort);
          if (!settled) {
            settled = true;
            inflight.waiters--;
            reject(error);
          }
        },
      );
    });
  }

  private evict() {
    while (this.entries.size > this.maxEntries) {
      const oldest = [...this.entries.entries()].find(([, e]) => !e.inflight);
      if (!oldest) return;
      this.entries.delete(oldest[0]);
    }
  }
}
