/*
 * `POST /api/circleci/<action path>`: rerun, cancel, approve, job cancel,
 * trigger and pipeline run, forwarded once (never retried) while
 * `circleci.actions.enabled` is true, and refused with 403 otherwise,
 * whoever calls. Identical POSTs in flight at once (a double submit) send
 * one upstream request. A 2xx drops the cached answers it makes wrong.
 */
import type { RequestHandler } from 'express';
import { CIRCLECI_ENDPOINTS } from '@circleci-backstage/plugin-circleci-common';
import { dropChanged, type ChangedTarget } from '../cache/invalidate';
import { createCoalescer } from '../upstream/coalesce';
import type { UpstreamAnswer } from '../upstream/client';
import { readJsonBody } from './body';
import { callerOf, type RouteContext } from './context';
import { HttpProblem, route } from './respond';
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
    await callerOf({ context, req });
    const target = rawTarget(req);
    const { name, params } = matchTarget({ method: 'POST', path: target.path });
    if (!context.settings.actionsEnabled) {
      req.resume();
      throw new HttpProblem({ status: 403, message: ACTIONS_OFF_MESSAGE });
    }
    const body = await readJsonBody({ req });
    const path = canonicalPath({ endpoint: CIRCLECI_ENDPOINTS[name], params });
    const key = `POST ${path} ${JSON.stringify(body ?? null)}`;
    const answer = await inFlight.run({ key, task: () => context.upstream.post({ path, body }) });
    if (answer.status >= 200 && answer.status < 300) {
      await dropChanged({ answers: context.answers, target: changedBy(params) });
    } else {
      context.logger.info(`CircleCI answered ${answer.status} to ${name} (POST ${path})`);
    }
    res.status(answer.status);
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-type', answer.contentType || 'application/json; charset=utf-8');
    res.send(answer.body);
  });
}
