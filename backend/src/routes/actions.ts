/*
 * `POST /api/circleci/<action path>?entity=<entity ref>`: rerun, cancel,
 * approve, job cancel, trigger and pipeline run. Refused with 403 for
 * everyone while `circleci.actions.enabled` is false. Otherwise the caller
 * must be a user (or an allowed service), see the target's project, name an
 * entity they can read whose annotation names that project, and hold the
 * action's permission on it. Then the action is forwarded once (never
 * retried); identical POSTs in flight at once (a double submit) send one
 * upstream request; a 2xx drops the cached answers it makes wrong. Every
 * attempt is an audit event.
 */
import type { RequestHandler } from 'express';
import { CIRCLECI_ENDPOINTS, type ActionEndpointName } from '@circleci-backstage/plugin-circleci-common';
import { checkEntity, checkPermission, checkPrincipal, entityRefOf } from '../access/actionAccess';
import { auditAction, type ActionAudit } from '../access/audit';
import { projectRuleOf } from '../access/projectRule';
import { checkProject } from '../access/readAccess';
import { dropChanged, type ChangedTarget } from '../cache/invalidate';
import { createCoalescer } from '../upstream/coalesce';
import type { UpstreamAnswer } from '../upstream/client';
import { readJsonBody } from './body';
import { callerOf, type RouteContext } from './context';
import { HttpProblem, route, sendOutcome } from './respond';
import { canonicalPath, matchTarget, rawTarget } from './target';

/** The 403 sentence while actions are off. */
export const ACTIONS_OFF_MESSAGE =
  'Actions on CircleCI are turned off on this Backstage instance: an admin can turn them on with circleci.actions.enabled.';

function changedBy(params: Readonly<Record<string, unknown>>): ChangedTarget {
  const target: ChangedTarget = {};
  if (typeof params.workflowId === 'string') target.workflowId = params.workflowId;
  if (params.projectSlug) target.projectSlug = params.projectSlug as ChangedTarget['projectSlug'];
  if (typeof params.jobNumber === 'number') target.jobNumber = params.jobNumber;
  return target;
}

/** The actions route. */
export function actionsRoute(context: RouteContext): RequestHandler {
  const inFlight = createCoalescer<UpstreamAnswer>();
  return route(context.logger, async (req, res) => {
    const credentials = await callerOf({ context, req });
    const target = rawTarget(req);
    const { name, params } = matchTarget({ method: 'POST', path: target.path });
    const action = name as ActionEndpointName;
    const audit: ActionAudit = await auditAction({ context, req, credentials, name, params });
    let answer: UpstreamAnswer;
    try {
      if (!context.settings.actionsEnabled) {
        throw new HttpProblem({ status: 403, message: ACTIONS_OFF_MESSAGE, reason: 'actions-off' });
      }
      checkPrincipal({ context, credentials });
      const entityRef = entityRefOf(req);
      audit.note({ entityRef });
      const rule = projectRuleOf({ name, params });
      if (!rule || rule.kind === 'none' || rule.kind === 'project-id') {
        throw new HttpProblem({ status: 404, message: `POST ${name} is not served here.` });
      }
      const project = await checkProject({ context, credentials, rule, needProject: true });
      if (project.kind === 'answer') {
        // CircleCI did not tell the workflow's project (e.g. it does not exist): its answer, nothing sent.
        const { outcome } = project;
        const status = outcome.kind === 'answer' ? outcome.answer.status : 503;
        await audit.refused(new HttpProblem({ status, message: `The target could not be read (${status}).`, reason: 'target-unreadable' }));
        req.resume();
        sendOutcome(res, outcome);
        return;
      }
      audit.note({ project: project.slug });
      const resourceRef = await checkEntity({ context, credentials, entityRef, projectKey: project.key!, projectSlug: project.slug! });
      audit.note({ entityRef: resourceRef });
      await checkPermission({ context, credentials, name: action, entityRef: resourceRef });
      const body = await readJsonBody({ req });
      const path = canonicalPath({ endpoint: CIRCLECI_ENDPOINTS[name], params });
      const key = `POST ${path} ${JSON.stringify(body ?? null)}`;
      answer = await inFlight.run({ key, task: () => context.upstream.post({ path, body }) });
      if (answer.status >= 200 && answer.status < 300) {
        await dropChanged({ answers: context.answers, target: changedBy(params) });
      } else {
        context.logger.info(`CircleCI answered ${answer.status} to ${name} (POST ${path})`);
      }
    } catch (e) {
      req.resume();
      await audit.refused(e);
      throw e;
    }
    await audit.sent(answer.status);
    res.status(answer.status);
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-type', answer.contentType || 'application/json; charset=utf-8');
    res.send(answer.body);
  });
}
