import { ResponseError } from '@backstage/errors';
import { InvalidProjectSlugError } from '../domain/slug';

/**
 * Thrown when CircleCI (or something between it and the browser) answers
 * with a body the plugin cannot read: HTML instead of JSON, malformed JSON,
 * or JSON of the wrong shape.
 * @public
 */
export class MalformedResponseError extends Error {
  readonly name = 'MalformedResponseError';
  /** The URL that answered. */
  readonly url: string;
  /** What was wrong with the body. */
  readonly detail: string;

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
  readonly name = 'LegacyProxyTargetError';
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
  readonly name = 'RequestTimeoutError';
  constructor(options: { url: string; timeoutMs: number }) {
    super(
      `CircleCI did not answer within ${Math.round(options.timeoutMs / 1000)} s (${options.url}).`,
    );
  }
}

/**
 * The kinds of failure the plugin tells apart.
 * @public
 */
export type CircleCIErrorKind =
  | 'invalid-slug'
  | 'backstage-auth'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'legacy-proxy'
  | 'rate-limited'
  | 'server'
  | 'bad-request'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'aborted'
  | 'unknown';

/**
 * A failure, described for a person.
 * @public
 */
export interface CircleCIErrorDescription {
  kind: CircleCIErrorKind;
  /** A short headline. */
  title: string;
  /** What happened and what to do about it. */
  message: string;
  /** The HTTP status, when there was one. */
  status?: number;
  /** For a 429: when a retry is allowed, when the server said. */
  retryAt?: Date;
}

/**
 * Reads a `Retry-After` header in either form (seconds or an HTTP date).
 * @public
 */
export function parseRetryAfter(options: {
  value: string | null | undefined;
  now: number;
}): number | undefined {
  const { value, now } = options;
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.max(0, Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** HH:MM in local time (no date library: this module loads with the entity page). */
function formatClock(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function backendErrorName(error: ResponseError): string | undefined {
  const body = error.body as { error?: { name?: unknown } } | undefined;
  return typeof body?.error?.name === 'string' ? body.error.name : undefined;
}

function describeResponse(error: ResponseError, subject: string): CircleCIErrorDescription {
  const status = error.statusCode;
  if (status === 401 && backendErrorName(error) === 'AuthenticationError') {
    return {
      kind: 'backstage-auth',
      status,
      title: 'Not signed in to Backstage',
      message:
        'The Backstage proxy refused the request because it carried no valid Backstage credentials. Sign in again, or check the proxy endpoint\'s "credentials" setting.',
    };
  }
  if (status === 401) {
    return {
      kind: 'unauthorized',
      status,
      title: 'CircleCI token missing or invalid',
      message:
        "CircleCI rejected the proxy's Circle-Token. Set CIRCLECI_AUTH_TOKEN to a personal API token for the Backstage backend, and check that proxy.endpoints['/circleci/api'].headers sets Circle-Token to ${CIRCLECI_AUTH_TOKEN}.",
    };
  }
  if (status === 403) {
    return {
      kind: 'forbidden',
      status,
      title: 'Access denied',
      message: `The CircleCI token has no access to ${subject}, or the Backstage proxy does not allow this method (see allowedMethods of proxy.endpoints['/circleci/api']).`,
    };
  }
  if (status === 404) {
    return {
      kind: 'not-found',
      status,
      title: 'Not found',
      message: `CircleCI could not find ${subject}. Check the circleci.com/project-slug annotation, and that the token's user can see the project.`,
    };
  }
  if (status === 429) {
    const wait = parseRetryAfter({
      value: error.response.headers?.get?.('retry-after'),
      now: Date.now(),
    });
    const retryAt = wait === undefined ? undefined : new Date(Date.now() + wait);
    const when = retryAt
      ? `retry at ${formatClock(retryAt)}`
      : 'retry in a minute';
    return {
      kind: 'rate-limited',
      status,
      retryAt,
      title: 'Rate limited',
      message: `CircleCI's rate limit was reached: ${when}.`,
    };
  }
  if (status >= 500) {
    return {
      kind: 'server',
      status,
      title: 'CircleCI is unavailable',
      message: `CircleCI or the proxy answered HTTP ${status}${
        error.response.statusText ? ` ${error.response.statusText}` : ''
      }. This is usually temporary: try again in a moment.`,
    };
  }
  return {
    kind: 'bad-request',
    status,
    title: `Request failed (HTTP ${status})`,
    message: error.body?.error?.message || error.message,
  };
}

/**
 * Describes any error thrown by the client (or the slug parser) for a
 * person: what happened and what to do. Never throws.
 * @public
 */
export function describeError(
  error: unknown,
  options?: { subject?: string },
): CircleCIErrorDescription {
  const subject = options?.subject ?? 'this resource';
  if (error instanceof InvalidProjectSlugError) {
    return { kind: 'invalid-slug', title: 'Invalid project slug', message: error.message };
  }
  if (error instanceof LegacyProxyTargetError) {
    return { kind: 'legacy-proxy', status: 404, title: 'Legacy proxy target', message: error.message };
  }
  if (error instanceof ResponseError) return describeResponse(error, subject);
  if (error instanceof MalformedResponseError) {
    return { kind: 'malformed', title: 'Unreadable response', message: error.message };
  }
  if (error instanceof RequestTimeoutError) {
    return { kind: 'timeout', title: 'Timed out', message: error.message };
  }
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AbortError') {
    return { kind: 'aborted', title: 'Cancelled', message: 'The request was cancelled.' };
  }
  if (error instanceof TypeError || name === 'TypeError') {
    return {
      kind: 'network',
      title: 'Network error',
      message:
        'Could not reach the Backstage proxy for CircleCI. Check your network connection, then try again.',
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unknown', title: 'Something went wrong', message };
}
