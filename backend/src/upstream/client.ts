/*
 * The CircleCI client on the server: adds the token, bounds concurrency,
 * times out, retries a GET within a small bound on 5xx and network errors
 * (a POST never), and honours CircleCI's 429 window for every caller.
 * Paths come from the endpoint table, already encoded; this module never
 * sees a browser's path.
 */
import { createLimiter } from './limiter';
import { NotConfiguredError, RateLimitedError, UpstreamUnavailableError } from './errors';
import type { RateLimitPause } from './pause';

/** An answer from CircleCI, whatever its status. */
export interface UpstreamAnswer {
  /** The HTTP status. */
  status: number;
  /** The `content-type` header ('' when absent). */
  contentType: string;
  /** The body as text, as CircleCI sent it. */
  body: string;
}

/** Sends requests to CircleCI. */
export interface UpstreamClient {
  /** A read; `path` is below the API root and encoded, `query` by upstream name. */
  get(options: { path: string; query: Readonly<Record<string, string>> }): Promise<UpstreamAnswer>;
  /** An action, sent once: never retried. `body` is JSON-serialised when defined. */
  post(options: { path: string; body: unknown }): Promise<UpstreamAnswer>;
}

/** Options of {@link createUpstreamClient}. */
export interface UpstreamClientOptions {
  /** The API root without a trailing slash, e.g. `https://circleci.com/api`. */
  baseUrl: string;
  /** The `Circle-Token`; without it every call throws `NotConfiguredError`. */
  token: string | undefined;
  /** The 429 window of this token. */
  pause: RateLimitPause;
  /** The clock. */
  now: () => number;
  /** Requests at once on this replica. Default {@link MAX_UPSTREAM_CONCURRENCY}. */
  maxConcurrency?: number;
  /** Time for one attempt, headers and body. Default 30 s. */
  timeoutMs?: number;
  /** Further attempts of a GET after a 5xx or a network error. Default 1. */
  getRetries?: number;
  /** Wait before a retry. Default 250 ms. */
  retryDelayMs?: number;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Told of each attempt that failed or was retried (no token in it). */
  onAttemptFailed?: (event: { method: string; path: string; status?: number; error?: Error }) => void;
}

const RETRIED_STATUSES = new Set([500, 502, 503, 504]);

function messageOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null && typeof (value as Error).message === 'string'
    ? (value as Error).message
    : undefined;
}

/** The error and its cause in one line (fetch hides the reason in `cause`). */
function describe(error: unknown): string {
  const message = messageOf(error) ?? String(error);
  const cause = messageOf((error as { cause?: unknown } | undefined)?.cause);
  return cause ? `${message}: ${cause}` : message;
}

function queryString(query: Readonly<Record<string, string>>): string {
  const names = Object.keys(query).sort();
  if (names.length === 0) return '';
  const params = new URLSearchParams();
  for (const name of names) params.append(name, query[name]);
  return `?${params.toString()}`;
}

/**
 * Upstream requests at once on one replica: a whole page of pipelines'
 * workflow lists (20) fits, so a cold pipelines tab costs two round trips,
 * and a few more readers still find a slot.
 */
export const MAX_UPSTREAM_CONCURRENCY = 24;

/** Creates the client. */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const { baseUrl, token, pause, now } = options;
  const limiter = createLimiter({ max: options.maxConcurrency ?? MAX_UPSTREAM_CONCURRENCY });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const getRetries = options.getRetries ?? 1;
  const retryDelayMs = options.retryDelayMs ?? 250;
  const doFetch = options.fetch ?? fetch;

  const ensureOpen = async () => {
    const until = await pause.pausedUntil();
    if (until !== undefined) throw new RateLimitedError({ until, now: now() });
  };

  const attempt = async (request: {
    method: 'GET' | 'POST';
    path: string;
    url: string;
    body?: string;
  }): Promise<UpstreamAnswer> => {
    if (!token) throw new NotConfiguredError();
    await ensureOpen();
    return limiter.run(async () => {
      // The window may have opened while this call waited for a slot.
      await ensureOpen();
      const headers: Record<string, string> = { 'Circle-Token': token, accept: 'application/json, text/plain, */*' };
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      let body: string;
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        response = await doFetch(request.url, {
          method: request.method,
          headers,
          body: request.body,
          redirect: 'manual',
          signal,
        });
        body = await response.text();
      } catch (e) {
        const timedOut = signal.aborted;
        throw new UpstreamUnavailableError({
          reason: timedOut ? 'timeout' : 'network',
          detail: `${request.method} ${request.path}: ${timedOut ? `${timeoutMs} ms` : describe(e)}`,
        });
      }
      if (response.status === 429) {
        const until = await pause.start({ retryAfter: response.headers.get('retry-after') });
        throw new RateLimitedError({ until, now: now() });
      }
      return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
    });
  };

  return {
    async get({ path, query }) {
      const url = `${baseUrl}/${path}${queryString(query)}`;
      for (let tries = 0; ; tries += 1) {
        const last = tries >= getRetries;
        try {
          const answer = await attempt({ method: 'GET', path, url });
          if (!RETRIED_STATUSES.has(answer.status) || last) return answer;
          options.onAttemptFailed?.({ method: 'GET', path, status: answer.status });
        } catch (e) {
          const retriable = e instanceof UpstreamUnavailableError && e.reason === 'network';
          if (!retriable || last) throw e;
          options.onAttemptFailed?.({ method: 'GET', path, error: e });
        }
        await new Promise(resolve => setTimeout(resolve, retryDelayMs * (tries + 1)));
      }
    },
    async post({ path, body }) {
      return attempt({
        method: 'POST',
        path,
        url: `${baseUrl}/${path}`,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
  };
}
