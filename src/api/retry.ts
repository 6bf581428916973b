import { ResponseError } from '@backstage/errors';
import { abortError } from '@circleci-backstage/plugin-circleci-common';
import { parseRetryAfter } from '@circleci-backstage/plugin-circleci-common';

export { parseRetryAfter };

/**
 * How GET requests are retried: on 429, 502, 503, 504 and network errors,
 * at most `maxAttempts` attempts in all, with exponential backoff and full
 * jitter. `Retry-After` is honoured (seconds or HTTP date) up to
 * `maxRetryAfterMs`; a longer wait is not retried, so the caller can show
 * when to retry instead.
 * @public
 */
export interface RetryPolicy {
  /** Attempts in all, including the first. Default 3. */
  maxAttempts: number;
  /** The first backoff, doubled on each retry. Default 500 ms. */
  baseDelayMs: number;
  /** The longest backoff. Default 8 s. */
  maxDelayMs: number;
  /** The longest `Retry-After` that is waited for. Default 20 s. */
  maxRetryAfterMs: number;
}

/** The default {@link RetryPolicy}. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 20_000,
};

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/** Waits, unless the signal aborts first. */
export function sleep(options: { ms: number; signal?: AbortSignal }): Promise<void> {
  const { ms, signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The wait before the next attempt, or undefined when the error must not be
 * retried.
 */
export function retryDelay(options: {
  error: unknown;
  attempt: number;
  policy: RetryPolicy;
  random: () => number;
  now: number;
}): number | undefined {
  const { error, attempt, policy, random, now } = options;
  if (attempt >= policy.maxAttempts) return undefined;
  const backoff = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 2 ** (attempt - 1),
  );
  const jittered = Math.round(backoff / 2 + (random() * backoff) / 2);
  if (error instanceof ResponseError) {
    if (!RETRY_STATUSES.has(error.statusCode)) return undefined;
    const retryAfter = parseRetryAfter({
      value: error.response.headers?.get?.('retry-after'),
      now,
    });
    if (retryAfter !== undefined) {
      return retryAfter > policy.maxRetryAfterMs ? undefined : Math.max(retryAfter, jittered);
    }
    return jittered;
  }
  // fetch rejects with a TypeError when the network fails.
  if (error instanceof TypeError) return jittered;
  return undefined;
}

/**
 * Runs `attempt` until it succeeds, the error is not retryable, or the
 * policy's attempts are used up.
 */
export async function withRetry<T>(options: {
  run: () => Promise<T>;
  policy: RetryPolicy;
  signal?: AbortSignal;
  random?: () => number;
}): Promise<T> {
  const { run, policy, signal, random = Math.random } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (signal?.aborted) throw error;
      const delay = retryDelay({ error, attempt, policy, random, now: Date.now() });
      if (delay === undefined) throw error;
      await sleep({ ms: delay, signal });
    }
  }
}
