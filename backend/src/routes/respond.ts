/*
 * How the routes answer: CircleCI's answers as they came, with headers that
 * say where they came from; and the plugin's own refusals as JSON with one
 * clear sentence (`message`, and Backstage's `error.name`/`error.message`).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ReadOutcome } from '../cache/reader';
import { NotConfiguredError, RateLimitedError, UpstreamUnavailableError } from '../upstream/errors';

/** The header with the ISO time a stale answer was stored (set only during a 429 window). */
export const STALE_AT_HEADER = 'x-circleci-stale-at';
/** The header that says where an answer came from: `hit`, `miss` or `stale`. */
export const CACHE_HEADER = 'x-circleci-cache';

const EXPOSED = ['retry-after', STALE_AT_HEADER, CACHE_HEADER].join(', ');

/** A refusal with its HTTP status, thrown by checks and answered by {@link route}. */
export class HttpProblem extends Error {
  /** Always `HttpProblem`. */
  readonly name = 'HttpProblem';
  /** The HTTP status. */
  readonly status: number;
  /** Extra headers, e.g. `retry-after`. */
  readonly headers: Readonly<Record<string, string>>;
  /** A stable code of why, for the UI to choose its own text (e.g. `permission-denied`); sent as `reason`. */
  readonly reason?: string;
  /** Creates the refusal. */
  constructor(options: { status: number; message: string; headers?: Record<string, string>; reason?: string }) {
    super(options.message);
    this.status = options.status;
    this.headers = { ...options.headers };
    this.reason = options.reason;
  }
}

const NAMES: Record<number, string> = {
  400: 'InputError',
  401: 'AuthenticationError',
  403: 'NotAllowedError',
  404: 'NotFoundError',
  413: 'PayloadTooLargeError',
  414: 'UriTooLongError',
  415: 'UnsupportedMediaTypeError',
  502: 'BadGatewayError',
  503: 'ServiceUnavailableError',
  504: 'GatewayTimeoutError',
};

function seconds(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1000)));
}

/** Sends a refusal. */
export function sendProblem(res: Response, problem: HttpProblem): void {
  res.status(problem.status);
  res.setHeader('cache-control', 'no-store');
  res.setHeader('access-control-expose-headers', EXPOSED);
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res.json({
    error: { name: NAMES[problem.status] ?? 'Error', message: problem.message },
    message: problem.message,
    ...(problem.reason ? { reason: problem.reason } : {}),
  });
}

/** The 503 of an open 429 window. */
export function rateLimitedProblem(retryAfterMs: number): HttpProblem {
  const wait = seconds(retryAfterMs);
  return new HttpProblem({
    status: 503,
    message: `CircleCI is rate-limiting this Backstage instance and no earlier answer is cached; try again in ${wait} s.`,
    headers: { 'retry-after': wait },
  });
}

/** Sends a read's outcome: CircleCI's status and body, and where it came from. */
export function sendOutcome(res: Response, outcome: ReadOutcome): void {
  if (outcome.kind === 'rate-limited') {
    sendProblem(res, rateLimitedProblem(outcome.retryAfterMs));
    return;
  }
  const { answer, source, storedAt, retryAfterMs } = outcome;
  res.status(answer.status);
  res.setHeader('content-type', answer.contentType || 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('access-control-expose-headers', EXPOSED);
  res.setHeader(CACHE_HEADER, source);
  if (source === 'stale' && storedAt !== undefined) {
    res.setHeader(STALE_AT_HEADER, new Date(storedAt).toISOString());
    res.setHeader('retry-after', seconds(retryAfterMs ?? 0));
  }
  res.send(answer.body);
}

/** Turns any error of a route into an answer; unknown errors are logged and answered 500. */
export function problemOf(error: unknown, logger: LoggerService): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof RateLimitedError) return rateLimitedProblem(error.retryAfterMs);
  if (error instanceof NotConfiguredError) return new HttpProblem({ status: 503, message: error.message });
  if (error instanceof UpstreamUnavailableError) {
    logger.warn(error.message);
    return new HttpProblem({ status: error.reason === 'timeout' ? 504 : 502, message: error.message });
  }
  logger.error('The CircleCI backend failed to answer a request', error instanceof Error ? error : undefined);
  return new HttpProblem({ status: 500, message: 'The CircleCI backend failed to answer; see its log.' });
}

/** Wraps an async handler: whatever it throws is answered by {@link problemOf}. */
export function route(
  logger: LoggerService,
  handler: (req: Request, res: Response) => Promise<void>,
): RequestHandler {
  return (req: Request, res: Response, _next: NextFunction) => {
    handler(req, res).catch(error => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendProblem(res, problemOf(error, logger));
    });
  };
}
