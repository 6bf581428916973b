/*
 * The plugin's own TanStack Query client, one per CircleCI API instance.
 * It is never provided through React context, so an app's own QueryClient
 * (or its QueryClientProvider) is never read or changed: every hook of the
 * plugin passes this client explicitly.
 */
import { Query, QueryClient } from '@tanstack/react-query';
import type { CircleCIApi } from '../api/CircleCIApi';

/** How long a loaded value is served without a request. */
export const FRESH_MS = 30_000;
/** How many queries are kept; the oldest unused ones are dropped first. */
export const MAX_QUERIES = 300;

const clients = new WeakMap<CircleCIApi, QueryClient>();

/**
 * Drops the least recently updated unobserved queries beyond
 * {@link MAX_QUERIES}; never the query being added (it has no data yet,
 * and its observer or fetch comes right after).
 */
function bound(client: QueryClient): void {
  const cache = client.getQueryCache();
  cache.subscribe(event => {
    if (event.type !== 'added') return;
    const all = cache.getAll();
    if (all.length <= MAX_QUERIES) return;
    const unused = all
      .filter(
        (q: Query) => q !== event.query && q.getObserversCount() === 0 && q.state.fetchStatus === 'idle',
      )
      .sort((a, b) => a.state.dataUpdatedAt - b.state.dataUpdatedAt);
    for (const q of unused.slice(0, all.length - MAX_QUERIES)) cache.remove(q);
  });
}

/**
 * Nothing is sent while the page is hidden: requests in flight (and their
 * retry waits) are cancelled when it hides, and the observed ones among
 * them are sent again when it is shown.
 */
function pauseWhileHidden(client: QueryClient): void {
  if (typeof document === 'undefined') return;
  let cancelled: Query[] = [];
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      const running = client.getQueryCache().findAll({ fetchStatus: 'fetching' });
      if (running.length === 0) return;
      cancelled.push(...running);
      client.cancelQueries({ fetchStatus: 'fetching' }).catch(() => undefined);
      return;
    }
    const again = new Set(cancelled.filter(q => q.getObserversCount() > 0));
    cancelled = [];
    if (again.size === 0) return;
    client.refetchQueries({ predicate: q => again.has(q) }).catch(() => undefined);
  });
}

/**
 * Creates a client with the plugin's rules: the transport already retries
 * (bounded, GET only, honouring Retry-After), so queries retry nothing;
 * requests are sent whatever `navigator.onLine` says, so an offline
 * browser gets the client's clear error instead of a silent pause; nothing
 * refetches on focus or reconnect unless a hook asks for it; and nothing is
 * polled while the page is hidden. Unused queries are kept (no
 * garbage-collection timer runs after the tab unmounts) within
 * {@link MAX_QUERIES}.
 */
export function createCircleCIQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        networkMode: 'always',
        staleTime: FRESH_MS,
        gcTime: Infinity,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        refetchIntervalInBackground: false,
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
  // Subscribes the client to visibility changes (on-hold work is re-read
  // when the user returns), as a QueryClientProvider would.
  client.mount();
  bound(client);
  pauseWhileHidden(client);
  return client;
}

/** The query client that belongs to `api`, created on first use. */
export function queryClientFor(api: CircleCIApi): QueryClient {
  let client = clients.get(api);
  if (!client) {
    client = createCircleCIQueryClient();
    clients.set(api, client);
  }
  return client;
}
