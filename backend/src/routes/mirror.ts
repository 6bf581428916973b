/*
 * `GET /api/circleci/<path>`: the same relative paths as below CircleCI's
 * API root, only those the endpoint table defines, answered from the shared
 * cache or from CircleCI.
 */
import type { RequestHandler } from 'express';
import { CIRCLECI_ENDPOINTS } from '@circleci-backstage/plugin-circleci-common';
import { callerOf, type RouteContext } from './context';
import { route, sendOutcome } from './respond';
import { canonicalPath, matchTarget, pickQuery, rawTarget } from './target';

/** The mirror of CircleCI's reads. */
export function mirrorRoute(context: RouteContext): RequestHandler {
  return route(context.logger, async (req, res) => {
    await callerOf({ context, req });
    const target = rawTarget(req);
    const { name, params } = matchTarget({ method: 'GET', path: target.path });
    const endpoint = CIRCLECI_ENDPOINTS[name];
    const query = pickQuery({ endpoint, search: target.search });
    const path = canonicalPath({ endpoint, params });
    const outcome = await context.reader.read({ name, endpoint, path, query });
    sendOutcome(res, outcome);
  });
}
