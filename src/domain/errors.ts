/*
 * Failures described for a person: what happened and what to do about it.
 * No React and no I/O; the error classes come from the client.
 */
import { ResponseError } from '@backstage/errors';
import { isAbortError } from '../api/abort';
import {
  LegacyProxyTargetError,
  MalformedResponseError,
  RequestTimeoutError,
} from '../api/errors';
import { parseRetryAfter } from '../api/retry';
import { InvalidProjectSlugError } from './slug';

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
  /** What kind of failure it is, for code that reacts to some kinds. */
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
 * Options for {@link describeError}.
 * @public
 */
export interface DescribeErrorOptions {
  /** What was being read, for messages such as "could not find …". Default "this resource". */
  subject?: string;
}

/**
 * Describes any error thrown by the client (or the slug parser) for a
 * person: what happened and what to do. Never throws.
 * @public
 */
export function describeError(
  error: unknown,
  options?: DescribeErrorOptions,
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
  if (isAbortError(error)) {
    return { kind: 'aborted', title: 'Cancelled', message: 'The request was cancelled.' };
  }
  const name = (error as { name?: unknown } | null)?.name;
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
