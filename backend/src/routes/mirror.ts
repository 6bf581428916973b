/*
 * `GET /api/circleci/<path>`: the same relative paths as below CircleCI's
 * API root, only those the endpoint table defines, answered from the shared
 * cache or from CircleCI, and only for a project a catalog entity the
 * caller can read names (see `access/readAccess`). Step-log reads are
 * audited.
 */
import type { RequestHandler } from 'express';
import type { AuditorServiceEvent } from '@backstage/backend-plugin-api';
import { CIRCLECI_ENDPOINTS, type EndpointName, type MatchedRequest } from '@circleci-backstage/plugin-circleci-common';
import { auditStepLogRead } from '../access/audit';
import { projectRuleOf } from '../access/projectRule';
import { readChecked } from '../access/readAccess';
import type { ReadOutcome } from '../cache/reader';
import { callerOf, type CallerCredentials, type RouteContext } from './context';
import { HttpProblem, route, sendOutcome } from './respond';
import { canonicalPath, matchTarget, pickQuery, rawTarget, type RawTarget } from './target';

async function readTarget(options: {
  context: RouteContext;
  credentials: CallerCredentials;
  target: RawTarget;
  matched: MatchedRequest<EndpointName>;
}): Promise<ReadOutcome> {
  const { context, credentials, target } = options;
  const { name, params } = options.matched;
  const endpoint = CIRCLECI_ENDPOINTS[name];
  const query = pickQuery({ endpoint, search: target.search });
  const path = canonicalPath({ endpoint, params });
  const rule = projectRuleOf({ name, params });
  return readChecked({ context, credentials, rule, request: { name, endpoint, path, query } });
}

/** The mirror of CircleCI's reads. */
export function mirrorRoute(context: RouteContext): RequestHandler {
  return route(context.logger, async (req, res) => {
    const credentials = await callerOf({ context, req });
    const target = rawTarget(req);
    const matched = matchTarget({ method: 'GET', path: target.path });
    const { name, params } = matched;
    let event: AuditorServiceEvent | undefined;
    if (name === 'getStepOutput') event = await auditStepLogRead({ context, req, credentials, params });
    let outcome: ReadOutcome;
    try {
      outcome = await readTarget({ context, credentials, target, matched });
    } catch (e) {
      await event?.fail({ meta: { ...(e instanceof HttpProblem ? { status: e.status } : {}) }, error: e as Error });
      throw e;
    }
    if (event) {
      const status = outcome.kind === 'answer' ? outcome.answer.status : 503;
      if (status >= 200 && status < 300) await event.success({ meta: { status } });
      else await event.fail({ meta: { status }, error: new Error(`The step log was not read (${status}).`) });
    }
    sendOutcome(res, outcome);
  });
}
