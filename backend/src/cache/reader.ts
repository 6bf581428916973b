/*
 * One read through the shared cache: a fresh entry is served as it is;
 * otherwise one upstream request per key is in flight at once (coalescing),
 * its answer is checked and stored, and every waiting caller gets it. While
 * CircleCI's 429 window is open, a stale entry is served, marked; without
 * one, the read is refused with the wait.
 */
import {
  buildRequest,
  CIRCLECI_ENDPOINTS,
  type AnyEndpoint,
  type EndpointName,
} from '@circleci-backstage/plugin-circleci-common';
import { createCoalescer } from '../upstream/coalesce';
import type { UpstreamAnswer, UpstreamClient } from '../upstream/client';
import { RateLimitedError } from '../upstream/errors';
import { answerKey, type AnswerCache, type CachedAnswer } from './answerCache';
import { checkAnswer } from './lifetime';

/** One read: an endpoint of the table and its canonical request. */
export interface ReadRequest {
  /** The endpoint's name in the table, for logs. */
  name: string;
  /** The endpoint. */
  endpoint: AnyEndpoint;
  /** The canonical path below the API root, built from the table. */
  path: string;
  /** The query by upstream name, only names the endpoint defines. */
  query: Readonly<Record<string, string>>;
}

/**
 * The read of a table endpoint for a caller's options (e.g.
 * `{ pipelineId, pageToken }`), built as the browser client builds it.
 * Throws `InvalidParameterError` for a value not of its kind.
 */
export function readRequestFor(options: { name: EndpointName; values: object }): ReadRequest {
  const endpoint = CIRCLECI_ENDPOINTS[options.name];
  const { path, query } = buildRequest({ endpoint, values: options.values });
  return { name: options.name, endpoint, path, query };
}

/** Where an answer came from. */
export type ReadSource = 'hit' | 'miss' | 'stale';

/** The outcome of a read. */
export type ReadOutcome =
  | {
      kind: 'answer';
      /** CircleCI's status, content type and body. */
      answer: UpstreamAnswer;
      /** `hit` (fresh entry), `miss` (asked CircleCI now) or `stale` (429 window, older entry). */
      source: ReadSource;
      /** When the served entry was stored; absent for a miss. */
      storedAt?: number;
      /** For `stale`: the time left of the 429 window. */
      retryAfterMs?: number;
    }
  | {
      /** The 429 window is open and the cache has no answer. */
      kind: 'rate-limited';
      /** The time left of the window. */
      retryAfterMs: number;
    };

/** Reads through the cache. */
export interface CachedReader {
  /** Reads one request; throws `UpstreamUnavailableError` or `NotConfiguredError` when there is no answer. */
  read(request: ReadRequest): Promise<ReadOutcome>;
}

/** Options of {@link createCachedReader}. */
export interface CachedReaderOptions {
  /** The shared cache of answers. */
  answers: AnswerCache;
  /** The CircleCI client. */
  upstream: UpstreamClient;
  /** Told when a 2xx answer is not cached (a failed schema check), with why. */
  onUncacheable?: (event: { name: string; path: string; reason: string }) => void;
}

function fromEntry(entry: CachedAnswer, source: ReadSource, retryAfterMs?: number): ReadOutcome {
  const { status, contentType, body, storedAt } = entry;
  return {
    kind: 'answer',
    answer: { status, contentType, body },
    source,
    storedAt,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

/** Creates the read-through. */
export function createCachedReader(options: CachedReaderOptions): CachedReader {
  const { answers, upstream } = options;
  const coalescer = createCoalescer<ReadOutcome>();

  const fetchAndStore = async (request: ReadRequest, key: string): Promise<ReadOutcome> => {
    // Another caller may have stored it between our look-up and this run.
    const entry = await answers.get(key);
    if (entry && answers.isFresh(entry)) return fromEntry(entry, 'hit');
    let answer: UpstreamAnswer;
    try {
      answer = await upstream.get({ path: request.path, query: request.query });
    } catch (e) {
      if (!(e instanceof RateLimitedError)) throw e;
      if (entry) return fromEntry(entry, 'stale', e.retryAfterMs);
      return { kind: 'rate-limited', retryAfterMs: e.retryAfterMs };
    }
    if (answer.status >= 200 && answer.status < 300) {
      const check = checkAnswer({ endpoint: request.endpoint, answer });
      if (check.ok) {
        await answers.put({ key, answer, lifetimeMs: check.lifetimeMs });
      } else {
        options.onUncacheable?.({ name: request.name, path: request.path, reason: check.reason });
      }
    }
    return { kind: 'answer', answer, source: 'miss' };
  };

  return {
    async read(request) {
      const key = answerKey({ path: request.path, query: request.query });
      const entry = await answers.get(key);
      if (entry && answers.isFresh(entry)) return fromEntry(entry, 'hit');
      return coalescer.run({ key, task: () => fetchAndStore(request, key) });
    },
  };
}
