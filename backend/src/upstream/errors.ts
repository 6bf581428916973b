/*
 * Why an upstream call did not give an answer. A non-2xx answer from
 * CircleCI is not an error here: it is an answer, forwarded as it came.
 */

/**
 * CircleCI answered 429, or an earlier 429's `Retry-After` window is still
 * open: nothing was sent.
 */
export class RateLimitedError extends Error {
  /** Always `RateLimitedError`. */
  readonly name = 'RateLimitedError';
  /** When the window closes (epoch milliseconds). */
  readonly until: number;
  /** Milliseconds left of the window when thrown. */
  readonly retryAfterMs: number;
  /** Creates the error for a window that closes at `until`. */
  constructor(options: { until: number; now: number }) {
    const retryAfterMs = Math.max(0, options.until - options.now);
    super(
      `CircleCI is rate-limiting this Backstage instance; requests resume in ${Math.ceil(retryAfterMs / 1000)} s.`,
    );
    this.until = options.until;
    this.retryAfterMs = retryAfterMs;
  }
}

/** CircleCI could not be reached or did not answer in time. */
export class UpstreamUnavailableError extends Error {
  /** Always `UpstreamUnavailableError`. */
  readonly name = 'UpstreamUnavailableError';
  /** `timeout` or `network`. */
  readonly reason: 'timeout' | 'network';
  /** Creates the error; `detail` must not hold the token (it never does: headers are not part of it). */
  constructor(options: { reason: 'timeout' | 'network'; detail: string }) {
    super(
      options.reason === 'timeout'
        ? `CircleCI did not answer in time (${options.detail}).`
        : `CircleCI could not be reached (${options.detail}).`,
    );
    this.reason = options.reason;
  }
}

/** `circleci.token` is not configured: nothing can be sent. */
export class NotConfiguredError extends Error {
  /** Always `NotConfiguredError`. */
  readonly name = 'NotConfiguredError';
  /** Creates the error. */
  constructor() {
    super('The CircleCI backend has no token: set circleci.token in app-config.yaml.');
  }
}
