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

/**
 * Why the CircleCI backend plugin refused an action, as its JSON `reason`
 * says; the action never reached CircleCI.
 */
export type BackendRefusalReason =
  | 'actions-off'
  | 'service-principal'
  | 'entity-missing'
  | 'entity-invalid'
  | 'not-visible'
  | 'entity-not-found'
  | 'entity-mismatch'
  | 'permission-denied';

/** The kinds of action failure the plugin tells apart. */
export type ActionErrorKind =
  | 'backend-refused'
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
  /** For `backend-refused`: the backend plugin's reason. */
  reason?: BackendRefusalReason;
}

/** Options of {@link describeActionError}. */
export interface DescribeActionErrorOptions {
  /** The action that failed. */
  action: CircleCIAction;
  /** The project's slug, e.g. `gh/acme/rocket`. */
  project: string;
}

/** The JSON object of an error answer, as `ResponseError` keeps it (in its message), when it was one. */
function answerJson(error: ResponseError): Record<string, unknown> | undefined {
  const text = String(error.body?.error?.message ?? '');
  const json = /^Request failed with status \d+[^,]*, (\{[\s\S]*\})\s*$/.exec(text)?.[1];
  if (!json) return undefined;
  try {
    const body: unknown = JSON.parse(json);
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** CircleCI's `{"message": ...}` from an error body, when it sent one. */
export function circleCIMessage(error: ResponseError): string | undefined {
  const message = answerJson(error)?.message;
  return typeof message === 'string' && message.trim() ? stripControl(message).slice(0, 500) : undefined;
}

const REFUSAL_REASONS: ReadonlySet<string> = new Set<BackendRefusalReason>([
  'actions-off',
  'service-principal',
  'entity-missing',
  'entity-invalid',
  'not-visible',
  'entity-not-found',
  'entity-mismatch',
  'permission-denied',
]);

/** The backend plugin's `reason` for refusing an action, when the answer is one of its refusals. */
export function backendRefusalReason(error: ResponseError): BackendRefusalReason | undefined {
  const reason = answerJson(error)?.reason;
  return typeof reason === 'string' && REFUSAL_REASONS.has(reason) ? (reason as BackendRefusalReason) : undefined;
}

/** What to say for each of the backend plugin's refusals. */
function describeRefusal(options: {
  reason: BackendRefusalReason;
  action: CircleCIMessage;
  project: string;
}): Pick<ActionErrorDescription, 'title' | 'message'> {
  const { reason, action, project } = options;
  switch (reason) {
    case 'permission-denied':
      return {
        title: msg('actionErrors.permissionDeniedTitle'),
        message: msg('actionErrors.permissionDeniedMessage', { action }),
      };
    case 'entity-mismatch':
      return {
        title: msg('actionErrors.entityMismatchTitle', { project }),
        message: msg('actionErrors.entityMismatchMessage', { action, project }),
      };
    case 'actions-off':
      return { title: msg('actionErrors.actionsOffTitle'), message: msg('actionErrors.actionsOffMessage') };
    case 'service-principal':
      return {
        title: msg('actionErrors.servicePrincipalTitle'),
        message: msg('actionErrors.servicePrincipalMessage'),
      };
    case 'not-visible':
      return {
        title: msg('actionErrors.notVisibleTitle'),
        message: msg('actionErrors.notVisibleMessage', { project }),
      };
    case 'entity-not-found':
      return {
        title: msg('actionErrors.entityNotFoundTitle'),
        message: msg('actionErrors.entityNotFoundMessage'),
      };
    default:
      return {
        title: msg('actionErrors.entityMissingTitle'),
        message: msg('actionErrors.entityMissingMessage'),
      };
  }
}

/**
 * Describes why an action failed. A refusal of the CircleCI backend plugin
 * (its JSON `reason`: permission denied, entity of another project, …) is
 * told by its reason. A 404 or 405 without CircleCI's own message came from
 * the Backstage proxy, which answers so when POST is not in the endpoint's
 * `allowedMethods`. Never throws.
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
  const reason = backendRefusalReason(error);
  if (reason) {
    return {
      status,
      kind: 'backend-refused',
      reason,
      ...describeRefusal({ reason, action: what, project }),
      // The backend's own sentence, untranslated, for the details only.
      detail: circleCIMessage(error),
    };
  }
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
