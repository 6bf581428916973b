/*
 * The errors the client throws besides `ResponseError` (a non-2xx answer,
 * from @backstage/errors). How they are described to a person is in
 * src/domain/errors.ts.
 */

/**
 * Thrown when CircleCI (or something between it and the browser) answers
 * with a body the plugin cannot read: HTML instead of JSON, malformed JSON,
 * or JSON of the wrong shape.
 * @public
 */
export class MalformedResponseError extends Error {
  /** Always `MalformedResponseError`. */
  readonly name = 'MalformedResponseError';
  /** The URL that answered. */
  readonly url: string;
  /** What was wrong with the body. */
  readonly detail: string;

  /** Creates the error for the URL that answered and what was wrong. */
  constructor(options: { url: string; detail: string }) {
    super(`CircleCI returned a response the plugin cannot read: ${options.detail}`);
    this.url = options.url;
    this.detail = options.detail;
  }
}

/**
 * Thrown when the proxy's target is the legacy `https://circleci.com/api/v1.1`
 * instead of `https://circleci.com/api`, detected by `v2/me` answering 404.
 * @public
 */
export class LegacyProxyTargetError extends Error {
  /** Always `LegacyProxyTargetError`. */
  readonly name = 'LegacyProxyTargetError';
  /** Creates the error, with a message that says how to fix the proxy. */
  constructor() {
    super(
      "The Backstage proxy for CircleCI points at the legacy API v1.1. In app-config.yaml, set proxy.endpoints['/circleci/api'].target to https://circleci.com/api (without /v1.1).",
    );
  }
}

/**
 * Thrown when a request was not answered in time.
 * @public
 */
export class RequestTimeoutError extends Error {
  /** Always `RequestTimeoutError`. */
  readonly name = 'RequestTimeoutError';
  /** Creates the error for the URL that did not answer within `timeoutMs`. */
  constructor(options: { url: string; timeoutMs: number }) {
    super(
      `CircleCI did not answer within ${Math.round(options.timeoutMs / 1000)} s (${options.url}).`,
    );
  }
}
