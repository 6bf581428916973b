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
  /**
   * The client method whose answer it was (e.g. `listPipelines`), when
   * known: it names what could not be read.
   */
  readonly endpoint?: string;
  /** What kind of body it was: an HTML page, not JSON, or JSON of the wrong shape. */
  readonly reason: MalformedResponseReason;

  /** Creates the error for the URL that answered and what was wrong (`reason` defaults to `shape`). */
  constructor(options: {
    url: string;
    detail: string;
    endpoint?: string;
    reason?: MalformedResponseReason;
  }) {
    super(`CircleCI returned a response the plugin cannot read: ${options.detail}`);
    this.url = options.url;
    this.detail = options.detail;
    this.endpoint = options.endpoint;
    this.reason = options.reason ?? 'shape';
  }
}

/**
 * Why a body could not be read: an HTML page (often a proxy's sign-in
 * page), text that is not JSON, or JSON of the wrong shape.
 * @public
 */
export type MalformedResponseReason = 'html' | 'json' | 'shape';

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
 * Thrown in backend mode (`circleci.backend.enabled: true`) when no CircleCI
 * backend plugin answers below `/api/circleci`: the Backstage backend
 * answered its own bare 404 (no body), which it gives for a plugin it does
 * not have. The plugin's routes always answer 404 with a JSON body.
 * @public
 */
export class BackendPluginMissingError extends Error {
  /** Always `BackendPluginMissingError`. */
  readonly name = 'BackendPluginMissingError';
  /** The URL that answered. */
  readonly url: string;
  /** Creates the error for the URL that answered, with a message that says what to install or set. */
  constructor(options: { url: string }) {
    super(
      `No CircleCI backend plugin answers at ${options.url}. Install @circleci-backstage/plugin-circleci-backend in the Backstage backend, or set circleci.backend.enabled to false to use the proxy endpoint.`,
    );
    this.url = options.url;
  }
}

/**
 * Thrown when a request was not answered in time.
 * @public
 */
export class RequestTimeoutError extends Error {
  /** Always `RequestTimeoutError`. */
  readonly name = 'RequestTimeoutError';
  /** The URL that did not answer. */
  readonly url: string;
  /** How long the client waited, in milliseconds. */
  readonly timeoutMs: number;
  /** Creates the error for the URL that did not answer within `timeoutMs`. */
  constructor(options: { url: string; timeoutMs: number }) {
    super(
      `CircleCI did not answer within ${Math.round(options.timeoutMs / 1000)} s (${options.url}).`,
    );
    this.url = options.url;
    this.timeoutMs = options.timeoutMs;
  }
}

/**
 * Reported when a commit SHA is not one: neither a full SHA nor at least
 * its first 7 hex characters.
 * @public
 */
export class InvalidCommitError extends Error {
  /** Always `InvalidCommitError`. */
  readonly name = 'InvalidCommitError';
  /** The text given as the commit. */
  readonly value: string;
  /** Creates the error for the text given as the commit. */
  constructor(options: { value: string }) {
    super(`"${options.value}" is not a commit SHA.`);
    this.value = options.value;
  }
}

/**
 * Reported when there is no CircleCI project to ask: no `projectSlug` was
 * given and the entity has no `circleci.com/project-slug` annotation.
 * @public
 */
export class MissingProjectError extends Error {
  /** Always `MissingProjectError`. */
  readonly name = 'MissingProjectError';
  /** Creates the error. */
  constructor() {
    super('No project: give projectSlug or annotate the entity with circleci.com/project-slug.');
  }
}
