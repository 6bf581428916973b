/*
 * A non-2xx answer described for a person (part of `describeError`), as
 * message descriptors. No React and no I/O.
 */
import { ResponseError } from '@backstage/errors';
import { parseRetryAfter } from '@circleci-backstage/plugin-circleci-common';
import type { CircleCIErrorDescription } from './errors';
import { type CircleCIMessage, msg } from './messages';

/** HH:MM in local time (no date library: this module loads with the entity page). */
export function formatClock(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function backendErrorName(error: ResponseError): string | undefined {
  const body = error.body as { error?: { name?: unknown } } | undefined;
  return typeof body?.error?.name === 'string' ? body.error.name : undefined;
}

/**
 * Describes a non-2xx answer: Backstage sign-in, token, access, missing,
 * rate limit, server trouble, or a request CircleCI refused.
 */
export function describeResponse(error: ResponseError, subject: string | CircleCIMessage): CircleCIErrorDescription {
  const status = error.statusCode;
  if (status === 401 && backendErrorName(error) === 'AuthenticationError') {
    return {
      kind: 'backstage-auth',
      status,
      title: msg('errors.backstageAuthTitle'),
      message: msg('errors.backstageAuthMessage'),
    };
  }
  if (status === 401) {
    return {
      kind: 'unauthorized',
      status,
      title: msg('errors.unauthorizedTitle'),
      message: msg('errors.unauthorizedMessage'),
    };
  }
  if (status === 403) {
    return {
      kind: 'forbidden',
      status,
      title: msg('errors.forbiddenTitle'),
      message: msg('errors.forbiddenMessage', { subject }),
    };
  }
  if (status === 404) {
    return {
      kind: 'not-found',
      status,
      title: msg('errors.notFoundTitle'),
      message: msg('errors.notFoundMessage', { subject }),
    };
  }
  const wait = parseRetryAfter({
    value: error.response.headers?.get?.('retry-after'),
    now: Date.now(),
  });
  const retryAt = wait === undefined ? undefined : new Date(Date.now() + wait);
  if (status === 503 && retryAt) {
    // The backend plugin's answer while CircleCI rate-limits and nothing is
    // cached (or a service that says when to come back): a time, not "5xx".
    return {
      kind: 'rate-limited',
      status,
      retryAt,
      title: msg('errors.unavailableUntilTitle'),
      message: msg('errors.unavailableUntilMessage', { time: formatClock(retryAt) }),
    };
  }
  if (status === 429) {
    return {
      kind: 'rate-limited',
      status,
      retryAt,
      title: msg('errors.rateLimitedTitle'),
      message: retryAt
        ? msg('errors.rateLimitedMessageAt', { time: formatClock(retryAt) })
        : msg('errors.rateLimitedMessage'),
    };
  }
  if (status >= 500) {
    const statusText = error.response.statusText;
    return {
      kind: 'server',
      status,
      title: msg('errors.serverTitle'),
      message: statusText
        ? msg('errors.serverMessageNamed', { status, statusText })
        : msg('errors.serverMessage', { status }),
    };
  }
  return {
    kind: 'bad-request',
    status,
    title: msg('errors.badRequestTitle', { status }),
    message: msg('errors.badRequestMessage', { subject, status }),
    detail: error.body?.error?.message || error.message,
  };
}
