import { ResourceCache } from './resourceCache';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('ResourceCache', () => {
  it('shares one request in flight between concurrent callers', async () => {
    const cache = new ResourceCache();
    const d = deferred<string>();
    const loader = jest.fn(() => d.promise);
    const a = cache.load({ key: 'k', loader });
    const b = cache.load({ key: 'k', loader });
    d.resolve('value');
    await expect(a).resolves.toBe('value');
    await expect(b).resolves.toBe('value');
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('serves a fresh value and marks it stale after the ttl', async () => {
    let now = 1000;
    const cache = new ResourceCache({ ttlMs: 30_000, now: () => now });
    await cache.load({ key: 'k', loader: async () => 1 });
    expect(cache.peek('k')).toEqual({ value: 1, fresh: true });
    now += 30_001;
    expect(cache.peek('k')).toEqual({ value: 1, fresh: false });
    cache.invalidate('k');
    expect(cache.peek('k')).toBeUndefined();
  });

  it('aborts the request only when every waiting caller has gone', async () => {
    const cache = new ResourceCache();
    let seen: AbortSignal | undefined;
    const d = deferred<string>();
    const loader = (signal: AbortSignal) => {
      seen = signal;
      return d.promise;
    };
    const c1 = new AbortController();
    const c2 = new AbortController();
    const a = cache.load({ key: 'k', loader, signal: c1.signal });
    const b = cache.load({ key: 'k', loader, signal: c2.signal });
    c1.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen!.aborted).toBe(false);
    c2.abort();
    await expect(b).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen!.aborted).toBe(true);
  });

  it('does not cache failures', async () => {
    const cache = new ResourceCache();
    await expect(
      cache.load({ key: 'k', loader: async () => Promise.reject(new Error('boom')) }),
    ).rejects.toThrow('boom');
    expect(cache.peek('k')).toBeUndefined();
    await expect(cache.load({ key: 'k', loader: async () => 2 })).resolves.toBe(2);
  });

  it('keeps at most maxEntries values', async () => {
    const cache = new ResourceCache({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) cache.set(key, key);
    expect(cache.peek('a')).toBeUndefined();
    expect(cache.peek('c')?.value).toBe('c');
  });
});
