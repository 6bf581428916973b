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
import type { ActionEndpointName } from '@circleci-backstage/plugin-circleci-common';
import { checkPrincipal, entityRefOf } from '../access/actionAccess';
import { auditAction } from '../access/audit';
import { createActionPerformer } from '../access/performAction';
import { readJsonBody } from './body';
import { callerOf, type RouteContext } from './context';
import { route, sendOutcome } from './respond';
import { matchTarget, rawTarget } from './target';

export { ACTIONS_OFF_MESSAGE } from '../access/performAction';

/** The actions route. */
export function actionsRoute(context: RouteContext): RequestHandler {
  const performer = createActionPerformer();
  return route(context.logger, async (req, res) => {
    const credentials = await callerOf({ context, req });
    const target = rawTarget(req);
    const { name, params } = matchTarget({ method: 'POST', path: target.path });
    const audit = await auditAction({ context, req, credentials, name, params });
    let outcome;
    try {
      outcome = await performer.perform({
        context,
        credentials,
        audit,
        name: name as ActionEndpointName,
        params,
        checkCaller: caller => checkPrincipal({ context, credentials: caller }),
        entityRef: () => entityRefOf(req),
        body: () => readJsonBody({ req }),
      });
    } catch (e) {
      req.resume();
      throw e;
    }
    if (outcome.kind === 'unreadable') {
      req.resume();
      sendOutcome(res, outcome.outcome);
      return;
    }
    const { answer } = outcome;
    res.status(answer.status);
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-type', answer.contentType || 'application/json; charset=utf-8');
    res.send(answer.body);
  });
}
