/*
 * Why an action (a POST) failed, described for the person who clicked:
 * what happened and what to do, as message descriptors a view translates.
 * No React and no I/O.
 */
import { ResponseError } from '@backstage/errors';
import { type CircleCIAction, actionLabel } from './actions';
import { describeError } from './errors';
import { type CircleCIMessage, msg } from './messages';
import { stripControl } from './text';

/** The line an admin adds to the proxy endpoint so that actions reach CircleCI. */
export const ALLOW_POST_LINE = "allowedMethods: ['GET', 'POST']";

/** The kinds of action failure the plugin tells apart. */
export type ActionErrorKind =
  | 'backstage-auth'
  | 'proxy-token'
  | 'forbidden'
  | 'post-not-allowed'
  | 'not-found'
  | 'rejected'
  | 'try-later'
  | 'other';

/** An action's failure, described for a person. */
export interface ActionErrorDescription {
  /** What kind of failure it is. */
  kind: ActionErrorKind;
  /** A short headline. */
  title: CircleCIMessage;
  /** What happened and what to do. */
  message: CircleCIMessage;
  /** Technical detail, untranslated, for a "details" disclosure only. */
  detail?: string;
  /** A configuration line to add, shown as code (for `post-not-allowed`). */
  configLine?: string;
  /** The HTTP status, when there was one. */
  status?: number;
}

/** Options of {@link describeActionError}. */
export interface DescribeActionErrorOptions {
  /** The action that failed. */
  action: CircleCIAction;
  /** The project's slug, e.g. `gh/acme/rocket`. */
  project: string;
}

/** CircleCI's `{"message": ...}` from an error body, when it sent one. */
export function circleCIMessage(error: ResponseError): string | undefined {
  const text = String(error.body?.error?.message ?? '');
  const json = /^Request failed with status \d+[^,]*, (\{[\s\S]*\})\s*$/.exec(text)?.[1];
  if (!json) return undefined;
  try {
    const body = JSON.parse(json) as { message?: unknown };
    return typeof body.message === 'string' && body.message.trim()
      ? stripControl(body.message).slice(0, 500)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Describes why an action failed. A 404 or 405 without CircleCI's own
 * message came from the Backstage proxy, which answers so when POST is not
 * in the endpoint's `allowedMethods`. Never throws.
 */
export function describeActionError(
  error: unknown,
  options: DescribeActionErrorOptions,
): ActionErrorDescription {
  const what = actionLabel(options.action);
  const project = options.project;
  if (!(error instanceof ResponseError)) {
    const d = describeError(error, { subject: project });
    return {
      kind: 'other',
      title: msg('actionErrors.otherTitle', { action: what, reason: d.title }),
      message: d.message,
      detail: d.detail,
    };
  }
  const status = error.statusCode;
  const fromCircleCI = circleCIMessage(error);
  const base = { status };
  if (status === 401 && error.body?.error?.name === 'AuthenticationError') {
    return {
      ...base,
      kind: 'backstage-auth',
      title: msg('actionErrors.backstageAuthTitle'),
      message: msg('actionErrors.backstageAuthMessage'),
    };
  }
  if (status === 401) {
    return {
      ...base,
      kind: 'proxy-token',
      title: msg('actionErrors.proxyTokenTitle'),
      message: msg('actionErrors.proxyTokenMessage'),
    };
  }
  if (status === 403) {
    return {
      ...base,
      kind: 'forbidden',
      title: msg('actionErrors.forbiddenTitle'),
      message: fromCircleCI
        ? msg('actionErrors.forbiddenMessageSaid', { action: what, project, message: fromCircleCI })
        : msg('actionErrors.forbiddenMessage', { action: what, project }),
    };
  }
  if (status === 405 || (status === 404 && !fromCircleCI)) {
    return {
      ...base,
      kind: 'post-not-allowed',
      title: msg('actionErrors.postNotAllowedTitle'),
      message: msg('actionErrors.postNotAllowedMessage'),
      configLine: ALLOW_POST_LINE,
    };
  }
  if (status === 404) {
    return {
      ...base,
      kind: 'not-found',
      title: msg('actionErrors.notFoundTitle'),
      message: msg('actionErrors.notFoundMessage', { message: fromCircleCI ?? '' }),
    };
  }
  if (status === 429 || status >= 500) {
    return {
      ...base,
      kind: 'try-later',
      title: status === 429 ? msg('actionErrors.busyTitle') : msg('actionErrors.unavailableTitle'),
      message: msg('actionErrors.tryLaterMessage', { status }),
    };
  }
  return {
    ...base,
    kind: 'rejected',
    title: msg('actionErrors.rejectedTitle', { action: what }),
    message: fromCircleCI
      ? msg('actionErrors.rejectedReason', { message: fromCircleCI })
      : msg('actionErrors.rejectedMessage', { status }),
  };
}
