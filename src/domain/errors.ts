/*
 * Failures described for a person: what happened and what to do about it.
 * No React and no I/O; the error classes come from the client.
 */
import { ResponseError } from '@backstage/errors';
import { isAbortError } from '../common/abort';
import {
  LegacyProxyTargetError,
  MalformedResponseError,
  RequestTimeoutError,
} from '../common/errors';
import { parseRetryAfter } from '../common/retryAfter';
import { type CircleCITranslate, englishTranslate } from './messages';
import { InvalidProjectSlugError } from '../common/slug';

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

function describeResponse(
  error: ResponseError,
  subject: string,
  t: CircleCITranslate,
): CircleCIErrorDescription {
  const status = error.statusCode;
  if (status === 401 && backendErrorName(error) === 'AuthenticationError') {
    return {
      kind: 'backstage-auth',
      status,
      title: t('errors.backstageAuthTitle'),
      message: t('errors.backstageAuthMessage'),
    };
  }
  if (status === 401) {
    return {
      kind: 'unauthorized',
      status,
      title: t('errors.unauthorizedTitle'),
      message: t('errors.unauthorizedMessage'),
    };
  }
  if (status === 403) {
    return {
      kind: 'forbidden',
      status,
      title: t('errors.forbiddenTitle'),
      message: t('errors.forbiddenMessage', { subject }),
    };
  }
  if (status === 404) {
    return {
      kind: 'not-found',
      status,
      title: t('errors.notFoundTitle'),
      message: t('errors.notFoundMessage', { subject }),
    };
  }
  if (status === 429) {
    const wait = parseRetryAfter({
      value: error.response.headers?.get?.('retry-after'),
      now: Date.now(),
    });
    const retryAt = wait === undefined ? undefined : new Date(Date.now() + wait);
    return {
      kind: 'rate-limited',
      status,
      retryAt,
      title: t('errors.rateLimitedTitle'),
      message: retryAt
        ? t('errors.rateLimitedMessageAt', { time: formatClock(retryAt) })
        : t('errors.rateLimitedMessage'),
    };
  }
  if (status >= 500) {
    return {
      kind: 'server',
      status,
      title: t('errors.serverTitle'),
      message: t('errors.serverMessage', {
        status,
        statusText: error.response.statusText ? ` ${error.response.statusText}` : '',
      }),
    };
  }
  return {
    kind: 'bad-request',
    status,
    title: t('errors.badRequestTitle', { status }),
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
  /**
   * Translates the texts (keys of the `errors` section of
   * `circleCITranslationRef`); English when omitted.
   */
  translate?: CircleCITranslate;
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
  const t = options?.translate ?? englishTranslate;
  const subject = options?.subject ?? t('errors.defaultSubject');
  if (error instanceof InvalidProjectSlugError) {
    return { kind: 'invalid-slug', title: t('errors.invalidSlugTitle'), message: error.message };
  }
  if (error instanceof LegacyProxyTargetError) {
    return { kind: 'legacy-proxy', status: 404, title: t('errors.legacyProxyTitle'), message: error.message };
  }
  if (error instanceof ResponseError) return describeResponse(error, subject, t);
  if (error instanceof MalformedResponseError) {
    return { kind: 'malformed', title: t('errors.malformedTitle'), message: error.message };
  }
  if (error instanceof RequestTimeoutError) {
    return { kind: 'timeout', title: t('errors.timeoutTitle'), message: error.message };
  }
  if (isAbortError(error)) {
    return { kind: 'aborted', title: t('errors.abortedTitle'), message: t('errors.abortedMessage') };
  }
  const name = (error as { name?: unknown } | null)?.name;
  if (error instanceof TypeError || name === 'TypeError') {
    return {
      kind: 'network',
      title: t('errors.networkTitle'),
      message: t('errors.networkMessage'),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unknown', title: t('errors.unknownTitle'), message };
}
