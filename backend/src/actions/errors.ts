/*
 * The errors an action throws. Backstage's actions registry answers them by
 * name (`InputError` 400, `NotAllowedError` 403, `NotFoundError` 404,
 * `ServiceUnavailableError` 503) and the MCP server passes those names and
 * messages on to the assistant as the tool's error, so every refusal keeps
 * the routes' one clear sentence.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ReadOutcome } from '../cache/reader';
import { HttpProblem, problemOf } from '../routes/respond';

/** The names the actions registry and the MCP server know. */
export type ActionErrorName = 'InputError' | 'NotAllowedError' | 'NotFoundError' | 'ServiceUnavailableError' | 'Error';

/** An error of an action, named for the actions registry. */
export class ActionError extends Error {
  /** The name the registry answers by. */
  readonly name: ActionErrorName;
  /** The routes' `reason`, when there is one (e.g. `permission-denied`). */
  readonly reason?: string;
  /** Creates the error. */
  constructor(options: { name: ActionErrorName; message: string; reason?: string }) {
    super(options.message);
    this.name = options.name;
    this.reason = options.reason;
  }
}

function nameOfStatus(status: number): ActionErrorName {
  if (status === 400 || status === 413 || status === 414 || status === 415) return 'InputError';
  if (status === 401 || status === 403) return 'NotAllowedError';
  if (status === 404) return 'NotFoundError';
  if (status === 429 || status >= 500) return 'ServiceUnavailableError';
  return 'Error';
}

/** Any error of the shared checks or the upstream client, as an action's error. */
export function toActionError(error: unknown, logger: LoggerService): Error {
  if (error instanceof ActionError) return error;
  const problem: HttpProblem = problemOf(error, logger);
  return new ActionError({ name: nameOfStatus(problem.status), message: problem.message, reason: problem.reason });
}

/** Runs an action's body; every error leaves it named (see {@link toActionError}). */
export async function named<T>(logger: LoggerService, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw toActionError(e, logger);
  }
}

/** The error of a read that did not answer 2xx (CircleCI's status, or the open 429 window). */
export function readFailure(options: { outcome: ReadOutcome; about: string }): ActionError {
  const { outcome, about } = options;
  if (outcome.kind === 'rate-limited') {
    const wait = Math.max(1, Math.ceil(outcome.retryAfterMs / 1000));
    return new ActionError({
      name: 'ServiceUnavailableError',
      message: `CircleCI is rate-limiting this Backstage instance and ${about} is not cached; try again in ${wait} s.`,
    });
  }
  const { status } = outcome.answer;
  return new ActionError({ name: nameOfStatus(status), message: `CircleCI answered ${status} when asked for ${about}.` });
}
