import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { z } from 'zod';
import type { EndpointName } from '@circleci-backstage/plugin-circleci-common';
import type { RequestOptions } from '@circleci-backstage/plugin-circleci-common';
import {
  BackendPluginMissingError,
  MalformedResponseError,
  RequestTimeoutError,
} from '@circleci-backstage/plugin-circleci-common';
import { RetryPolicy, withRetry } from './retry';
import { formatIssues } from '@circleci-backstage/plugin-circleci-common';
import { readTextStream } from './textStream';

/** The header the backend plugin sets on every answer: `hit`, `miss` or `stale`. */
export const CACHE_HEADER = 'x-circleci-cache';
/** With `stale`: the ISO time the backend stored the answer it serves during a 429 window. */
export const STALE_AT_HEADER = 'x-circleci-stale-at';

/**
 * One request to the CircleCI API, relative to the API root: the proxy
 * endpoint, or the backend plugin's base URL (it serves the same paths).
 */
export interface Call<T> extends RequestOptions {
  /** The endpoint of the table this call sends, named in its errors. */
  endpoint?: EndpointName;
  /** The path below the proxy endpoint, e.g. `v2/me`. */
  path: string;
  /** Query parameters; undefined and empty values are left out. */
  query?: Record<string, string | undefined>;
  /** A JSON body. */
  body?: unknown;
  /** Checks a JSON body. */
  schema?: z.ZodType<T, unknown>;
  /** Reads the body as plain text instead of JSON. */
  text?: boolean;
  /**
   * For `text` calls: streams the body and is called with the text received
   * so far (see `readTextStream` for when). Each attempt starts from
   * the beginning again, so after a retry the text may be shorter than the
   * last one reported.
   */
  onProgress?: (textSoFar: string) => void;
  /**
   * Called when the answer came from the backend plugin's cache while
   * CircleCI rate-limits (`x-circleci-cache: stale`), with when the backend
   * stored it. Never called in proxy mode.
   */
  onStale?: (storedAt: Date) => void;
}

/** Where the requests go: the proxy endpoint (`proxyPath` below the proxy), or the backend plugin. */
export type TransportTarget = { kind: 'proxy'; proxyPath: string } | { kind: 'backend' };

/**
 * Sends requests through `fetchApi` to the Backstage proxy endpoint or the
 * CircleCI backend plugin (`target`): builds
 * the URL, sets `Accept`, applies a per-attempt timeout and the caller's
 * signal, retries GETs within the policy (never POSTs), throws
 * `ResponseError` for non-2xx answers and checks bodies against their
 * schema (strictly for GETs; for POSTs see `post`).
 *
 * The timeout covers each attempt from the request to the end of the body,
 * except for streamed bodies (`text` calls with `onProgress`): there it
 * covers the time to the response headers, and then, as an idle timeout of
 * the same length, every wait for the next chunk, so a long download that
 * keeps arriving is not cut off while a stalled one still ends.
 */
export class CircleCITransport {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly target: TransportTarget;
  private readonly retryPolicy: RetryPolicy;
  private readonly timeoutMs: number;

  constructor(options: {
    discoveryApi: DiscoveryApi;
    fetchApi: FetchApi;
    target: TransportTarget;
    retryPolicy: RetryPolicy;
    timeoutMs: number;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
    this.target = options.target;
    this.retryPolicy = options.retryPolicy;
    this.timeoutMs = options.timeoutMs;
  }

  /** Sends a GET (retried within the policy) and returns its checked body. */
  async get<T>(call: Call<T>): Promise<T> {
    const url = await this.url(call);
    const once = (): Promise<T> => this.fetchOnce({ url, method: 'GET', call });
    return withRetry({ run: once, policy: this.retryPolicy, signal: call.signal });
  }

  /**
   * Sends a POST, once: actions are never retried. Any 2xx answer is a
   * success whatever its body (older CircleCI and CircleCI server answer
   * `202 {"message": "Accepted."}`, others 204 or an empty body), so it
   * resolves with the body when it matches `schema`, and otherwise with
   * undefined. An HTML page reached through a redirect still throws
   * `MalformedResponseError`: then the POST never reached CircleCI (a
   * corporate sign-in page answered).
   */
  async post<T>(call: Call<T>): Promise<T | undefined> {
    const url = await this.url(call);
    return this.fetchOnce({ url, method: 'POST', call, lenient: true });
  }

  /** True when the requests go to the backend plugin. */
  get backend(): boolean {
    return this.target.kind === 'backend';
  }

  private async base(): Promise<string> {
    if (this.target.kind === 'backend') return this.discoveryApi.getBaseUrl('circleci');
    return `${await this.discoveryApi.getBaseUrl('proxy')}${this.target.proxyPath}`;
  }

  private async url(call: Pick<Call<unknown>, 'path' | 'query'>): Promise<string> {
    const base = (await this.base()).replace(/\/+$/, '');
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined && value !== '') search.set(key, value);
    }
    const qs = search.toString();
    return `${base}/${call.path}${qs ? `?${qs}` : ''}`;
  }

  private async fetchOnce<T>(options: {
    url: string;
    method: 'GET' | 'POST';
    call: Call<T>;
    lenient?: boolean;
  }): Promise<T> {
    const { url, method, call, lenient = false } = options;
    const controller = new AbortController();
    const onAbort = () => controller.abort(call.signal?.reason);
    if (call.signal?.aborted) onAbort();
    call.signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const startTimer = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.timeoutMs);
    };
    startTimer();
    try {
      const headers: Record<string, string> = {
        Accept: call.text ? 'text/plain' : 'application/json',
      };
      if (call.body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await this.fetchApi.fetch(url, {
        method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: controller.signal,
      });
      if (!response.ok) throw await this.failure({ response, url });
      this.noteStale({ response, onStale: call.onStale });
      if (call.text && call.onProgress && response.body) {
        startTimer();
        const length = response.headers.get('content-length');
        const text = await readTextStream({
          body: response.body,
          signal: controller.signal,
          onProgress: call.onProgress,
          onChunk: startTimer,
          expectedBytes: length && /^\d+$/.test(length) ? Number(length) : undefined,
        });
        return text as T;
      }
      return await this.readBody({ response, url, call, lenient });
    } catch (error) {
      if (timedOut) throw new RequestTimeoutError({ url, timeoutMs: this.timeoutMs });
      throw error;
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * The error of a non-2xx answer. In backend mode a 404 without a body is
   * Backstage's own answer for a plugin it does not have: the plugin's routes
   * (and CircleCI through them) always answer 404 with a body.
   */
  private async failure(options: { response: Response; url: string }): Promise<Error> {
    const { response, url } = options;
    if (this.backend && response.status === 404) {
      const text = await response
        .clone()
        .text()
        .catch(() => '');
      if (text.trim() === '') return new BackendPluginMissingError({ url });
    }
    return ResponseError.fromResponse(response);
  }

  /** Tells the caller when the backend served the answer from its cache during a 429 window. */
  private noteStale(options: { response: Response; onStale?: (storedAt: Date) => void }): void {
    const { response, onStale } = options;
    if (!this.backend || !onStale) return;
    if (response.headers.get(CACHE_HEADER) !== 'stale') return;
    const storedAt = new Date(response.headers.get(STALE_AT_HEADER) ?? '');
    if (!Number.isNaN(storedAt.getTime())) onStale(storedAt);
  }

  /**
   * Reads and checks a 2xx body. `lenient` (for POSTs) reads what does not
   * match as undefined instead of throwing.
   */
  private async readBody<T>(options: {
    response: Response;
    url: string;
    call: Call<T>;
    lenient: boolean;
  }): Promise<T> {
    const { response, url, call, lenient } = options;
    const text = await response.text();
    if (call.text) return text as T;
    const type = response.headers.get('content-type') ?? '';
    if ((/html/i.test(type) || /^\s*</.test(text)) && (!lenient || response.redirected)) {
      throw new MalformedResponseError({
        url,
        endpoint: call.endpoint,
        reason: 'html',
        detail:
          'expected JSON but received an HTML page. A sign-in page of a corporate proxy may be in the way.',
      });
    }
    if (!call.schema) return undefined as T;
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      if (lenient) return undefined as T;
      throw new MalformedResponseError({
        url,
        endpoint: call.endpoint,
        reason: 'json',
        detail: 'the body is not valid JSON.',
      });
    }
    const parsed = call.schema.safeParse(json);
    if (parsed.success) return parsed.data;
    if (lenient) return undefined as T;
    throw new MalformedResponseError({
      url,
      endpoint: call.endpoint,
      detail: `unexpected data (${formatIssues(parsed.error)}).`,
    });
  }
}
