import { useApi } from '@backstage/core-plugin-api';
import { circleCIApiRef } from '../api/CircleCIApi';
import type { CircleCIApi } from '../api/CircleCIApi';
import { ResourceCache } from './resourceCache';

const caches = new WeakMap<CircleCIApi, ResourceCache>();

/**
 * The CircleCI API and the resource cache that belongs to it. Every hook
 * that loads data uses this pair, so they share requests and values.
 * @internal
 */
export function useCircleCI(): { api: CircleCIApi; cache: ResourceCache } {
  const api = useApi(circleCIApiRef);
  let cache = caches.get(api);
  if (!cache) {
    cache = new ResourceCache();
    caches.set(api, cache);
  }
  return { api, cache };
}

/** True when an error only says that a request was cancelled. */
export function isAbort(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}
