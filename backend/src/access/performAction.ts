/*
 * One action on CircleCI, as the POST route and the actions registry both
 * perform it: refused for everyone while `circleci.actions.enabled` is
 * false; otherwise the caller must pass `checkCaller`, see the target's
 * project, name an entity they can read whose annotation names that
 * project, and hold the action's permission on it. Then the action is sent
 * once (never retried); identical actions in flight at once send one
 * upstream request; a 2xx drops the cached answers it makes wrong. Every
 * attempt ends its audit event: sent (with CircleCI's status) or refused.
 */
import { CIRCLECI_ENDPOINTS, type ActionEndpointName } from '@circleci-backstage/plugin-circleci-common';
import { dropChanged, type ChangedTarget } from '../cache/invalidate';
import type { ReadOutcome } from '../cache/reader';
import type { CallerCredentials, RouteContext } from '../routes/context';
import { HttpProblem } from '../routes/respond';
import { canonicalPath } from '../routes/target';
import { createCoalescer, type Coalescer } from '../upstream/coalesce';
import type { UpstreamAnswer } from '../upstream/client';
import { checkEntity, checkPermission } from './actionAccess';
import type { ActionAudit } from './audit';
import { projectRuleOf } from './projectRule';
import { checkProject } from './readAccess';

/** The 403 sentence while actions are off. */
export const ACTIONS_OFF_MESSAGE =
  'Actions on CircleCI are turned off on this Backstage instance: an admin can turn them on with circleci.actions.enabled.';

/** What became of an action. */
export type ActionOutcome =
  /** Sent: CircleCI's answer, whatever its status. */
  | { kind: 'sent'; answer: UpstreamAnswer }
  /** CircleCI did not tell the target's project (e.g. it does not exist): its answer to that read; nothing sent. */
  | { kind: 'unreadable'; outcome: ReadOutcome };

/** One action to perform. */
export interface ActionRequest {
  context: RouteContext;
  credentials: CallerCredentials;
  /** The audit event of this attempt, already started. */
  audit: ActionAudit;
  /** The action's endpoint. */
  name: ActionEndpointName;
  /** Its decoded path parameters (`workflowId`, `projectSlug`, …). */
  params: Readonly<Record<string, unknown>>;
  /** Refuses a caller who may not act at all (throws an `HttpProblem`). */
  checkCaller(credentials: CallerCredentials): void;
  /** The canonical ref of the entity the caller acts through (may throw a 400). */
  entityRef(): string;
  /** The body to send, read only once every check has passed. */
  body(): Promise<unknown>;
}

/** Performs actions; one per replica and caller kind, so a double submit sends one request. */
export interface ActionPerformer {
  perform(request: ActionRequest): Promise<ActionOutcome>;
}

function changedBy(params: Readonly<Record<string, unknown>>): ChangedTarget {
  const target: ChangedTarget = {};
  if (typeof params.workflowId === 'string') target.workflowId = params.workflowId;
  if (params.projectSlug) target.projectSlug = params.projectSlug as ChangedTarget['projectSlug'];
  if (typeof params.jobNumber === 'number') target.jobNumber = params.jobNumber;
  return target;
}

async function checkAndSend(
  request: ActionRequest,
  inFlight: Coalescer<UpstreamAnswer>,
): Promise<ActionOutcome> {
  const { context, credentials, audit, name, params } = request;
  if (!context.settings.actionsEnabled) {
    throw new HttpProblem({ status: 403, message: ACTIONS_OFF_MESSAGE, reason: 'actions-off' });
  }
  request.checkCaller(credentials);
  const entityRef = request.entityRef();
  audit.note({ entityRef });
  const rule = projectRuleOf({ name, params });
  if (!rule || rule.kind === 'none' || rule.kind === 'project-id') {
    throw new HttpProblem({ status: 404, message: `POST ${name} is not served here.` });
  }
  const project = await checkProject({ context, credentials, rule, needProject: true });
  if (project.kind === 'answer') {
    const { outcome } = project;
    const status = outcome.kind === 'answer' ? outcome.answer.status : 503;
    await audit.refused(new HttpProblem({ status, message: `The target could not be read (${status}).`, reason: 'target-unreadable' }));
    return { kind: 'unreadable', outcome };
  }
  audit.note({ project: project.slug });
  const resourceRef = await checkEntity({ context, credentials, entityRef, projectKey: project.key!, projectSlug: project.slug! });
  audit.note({ entityRef: resourceRef });
  await checkPermission({ context, credentials, name, entityRef: resourceRef });
  const body = await request.body();
  const path = canonicalPath({ endpoint: CIRCLECI_ENDPOINTS[name], params });
  const key = `POST ${path} ${JSON.stringify(body ?? null)}`;
  const answer = await inFlight.run({ key, task: () => context.upstream.post({ path, body }) });
  if (answer.status >= 200 && answer.status < 300) {
    await dropChanged({ answers: context.answers, target: changedBy(params) });
  } else {
    context.logger.info(`CircleCI answered ${answer.status} to ${name} (POST ${path})`);
  }
  return { kind: 'sent', answer };
}

/** Creates a performer with its own set of actions in flight. */
export function createActionPerformer(): ActionPerformer {
  const inFlight = createCoalescer<UpstreamAnswer>();
  return {
    async perform(request) {
      let outcome: ActionOutcome;
      try {
        outcome = await checkAndSend(request, inFlight);
      } catch (e) {
        await request.audit.refused(e);
        throw e;
      }
      if (outcome.kind === 'sent') await request.audit.sent(outcome.answer.status);
      return outcome;
    },
  };
}
