/*
 * How every write action acts: as a signed-in user only, through the same
 * checks, switch, audit events and single send as the UI's POST route
 * (`access/performAction`), never retried.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { buildRequest, CIRCLECI_ENDPOINTS, type ActionEndpointName } from '@circleci-backstage/plugin-circleci-common';
import { auditAction } from '../access/audit';
import type { ActionPerformer } from '../access/performAction';
import type { RouteContext } from '../routes/context';
import { callerOf, canonicalEntityRef, requireUser } from './access';
import { ActionError, readFailure, type ActionErrorName } from './errors';

/** What a write answers. */
export interface WriteResult {
  /** CircleCI's status (2xx). */
  circleciStatus: number;
  /** CircleCI's answer, parsed (an object, else `{}`). */
  body: Record<string, unknown>;
}

function messageOf(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body?.message === 'string' ? body.message.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

/** Performs one write for `entityRef` as the caller; throws a named error unless CircleCI answered 2xx. */
export async function performWrite(options: {
  context: RouteContext;
  performer: ActionPerformer;
  credentials: BackstageCredentials;
  name: ActionEndpointName;
  /** The endpoint's options (`workflowId`, `projectSlug`, `fromFailed`, …); path parameters parsed. */
  values: Record<string, unknown>;
  entityRef: string;
}): Promise<WriteResult> {
  const { context, performer, name, values } = options;
  const credentials = callerOf(options.credentials);
  const audit = await auditAction({ context, credentials, name, params: values });
  const outcome = await performer.perform({
    context,
    credentials,
    audit,
    name,
    params: values,
    checkCaller: requireUser,
    entityRef: () => canonicalEntityRef(options.entityRef),
    body: async () => buildRequest({ endpoint: CIRCLECI_ENDPOINTS[name], values }).body,
  });
  if (outcome.kind === 'unreadable') throw readFailure({ outcome: outcome.outcome, about: 'the target' });
  const { answer } = outcome;
  if (answer.status < 200 || answer.status >= 300) {
    const said = messageOf(answer.body);
    let errorName: ActionErrorName = 'InputError';
    if (answer.status === 404) errorName = 'NotFoundError';
    else if (answer.status >= 500) errorName = 'ServiceUnavailableError';
    throw new ActionError({
      name: errorName,
      message: `CircleCI answered ${answer.status}${said ? `: ${said}` : ''}. Nothing was retried.`,
    });
  }
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(answer.body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    body = {};
  }
  return { circleciStatus: answer.status, body };
}
