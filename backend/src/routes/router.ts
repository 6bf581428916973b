/*
 * The plugin's routes below `/api/circleci`:
 * - `GET /pipelines?project=…` the pipelines tab's first page in one request;
 * - `GET /<path>` the mirror of CircleCI's reads the endpoint table defines;
 * - `POST /<path>` the actions, while `circleci.actions.enabled` is true.
 * Everything else is 404. No body parser is mounted: actions read their
 * body themselves, bounded.
 */
import express from 'express';
import type { RouteContext } from './context';
import { actionsRoute } from './actions';
import { aggregateRoute } from './aggregate';
import { mirrorRoute } from './mirror';
import { HttpProblem, route, sendProblem } from './respond';

/** Builds the router of the plugin. */
export function createRouter(context: RouteContext): express.Router {
  const router = express.Router();
  router.get('/pipelines', aggregateRoute(context));
  const mirror = mirrorRoute(context);
  const actions = actionsRoute(context);
  router.use((req, res, next) => {
    if (req.method === 'GET') mirror(req, res, next);
    else if (req.method === 'POST') actions(req, res, next);
    else next();
  });
  router.use(
    route(context.logger, async (req, res) => {
      sendProblem(res, new HttpProblem({ status: 404, message: `${req.method} is not served here.` }));
    }),
  );
  return router;
}
