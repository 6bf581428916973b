/*
 * The API routes of the fake (paths relative to the base path, split into
 * decoded segments): one `add(method, pattern, handler)` per endpoint.
 */

import { renderStepLog } from '../data/logs';
import {
  approveJob,
  cancelJob,
  cancelWorkflow,
  parseRerunBody,
  parseTriggerBody,
  rerunWorkflow,
  triggerPipeline,
} from '../sim/actions';
import { pipelineDefinitions, projectById, runPipeline } from '../sim/pipelineRun';
import { stepRuns } from '../sim/steps';
import { workflowTimes, type JobTimes } from '../sim/timeline';
import { decodeToken, encodeToken, PAGE_SIZE, pageByOffset, TESTS_PAGE_SIZE } from './paging';
import {
  badToken,
  jobFinished,
  json,
  notFound,
  project,
  projectNotFound,
  result,
  withJob,
  type Handler,
  type RouteContext,
} from './respond';
import { addInsightsRoutes } from './insights';
import { matchRoute, type PathSegments } from './match';
import { addV1Routes } from './routes-v1';
import { buildDetailsJson } from './serialize-v1';
import { meJson, pipelineJson, projectJson, workflowJson } from './serialize-v2';
import { jobDetailsJson, workflowJobsJson } from './serialize-v2-jobs';

export { json, type RouteContext } from './respond';
export type { PathSegments } from './match';

const listPipelines: Handler = (ctx, p) => {
  const proj = project(ctx, p);
  if (!proj) return projectNotFound();
  const branch = ctx.query.get('branch');
  const list = `pipelines:${proj.slug}:${branch ?? ''}`;
  const before = decodeToken({ token: ctx.query.get('page-token'), list });
  if (before === null) return badToken();
  const matching = proj.pipelines
    .filter(pl => (branch ? pl.vcs?.branch === branch : true))
    .filter(pl => before === undefined || pl.number < before)
    .sort((a, b) => b.number - a.number);
  const items = matching.slice(0, PAGE_SIZE);
  const last = items[items.length - 1];
  return json(200, {
    items: items.map(pipeline => pipelineJson({ project: proj, pipeline })),
    next_page_token:
      matching.length > PAGE_SIZE && last ? encodeToken({ list, value: last.number }) : null,
  });
};

const ROUTES: Array<{ method: string; pattern: string[]; handler: Handler }> = [];
const add = (method: string, pattern: string, handler: Handler) =>
  ROUTES.push({ method, pattern: pattern.split('/'), handler });

add('GET', 'v2/me', ctx => json(200, meJson({ me: ctx.state.me, quirks: ctx.quirks })));
add('GET', 'v2/project/:vcs/:org/:repo', (ctx, p) => {
  const proj = project(ctx, p);
  return proj ? json(200, projectJson(proj)) : projectNotFound();
});
add('GET', 'v2/project/:vcs/:org/:repo/pipeline', listPipelines);
add('POST', 'v2/project/:vcs/:org/:repo/pipeline', async (ctx, p) => {
  const proj = project(ctx, p);
  if (!proj) return projectNotFound();
  const body = parseTriggerBody(await ctx.body());
  if (!body) return json(400, { message: 'Invalid request body.' });
  return result(ctx, triggerPipeline({ state: ctx.state, project: proj, body, t: ctx.t }));
});
add('POST', 'v2/project/:vcs/:org/:repo/pipeline/run', async (ctx, p) => {
  const proj = project(ctx, p);
  if (!proj) return projectNotFound();
  return result(ctx, runPipeline({ state: ctx.state, project: proj, body: await ctx.body(), t: ctx.t }));
});
add('GET', 'v2/projects/:id/pipeline-definitions', (ctx, p) => {
  const proj = projectById(ctx.state, p.id);
  return proj ? json(200, { items: pipelineDefinitions(proj) }) : projectNotFound();
});
// The pipelines the token's user triggered (newest first, no branch filter).
add('GET', 'v2/project/:vcs/:org/:repo/pipeline/mine', (ctx, p) => {
  const proj = project(ctx, p);
  if (!proj) return projectNotFound();
  const list = `my-pipelines:${proj.slug}`;
  const before = decodeToken({ token: ctx.query.get('page-token'), list });
  if (before === null) return badToken();
  const matching = proj.pipelines
    .filter(pl => pl.actor.id === ctx.state.me.id)
    .filter(pl => before === undefined || pl.number < before)
    .sort((a, b) => b.number - a.number);
  const items = matching.slice(0, PAGE_SIZE);
  const last = items[items.length - 1];
  return json(200, {
    items: items.map(pipeline => pipelineJson({ project: proj, pipeline })),
    next_page_token:
      matching.length > PAGE_SIZE && last ? encodeToken({ list, value: last.number }) : null,
  });
});
add('GET', 'v2/project/:vcs/:org/:repo/pipeline/:n', (ctx, p) => {
  const proj = project(ctx, p);
  if (!proj) return projectNotFound();
  const pipeline = proj.pipelines.find(pl => String(pl.number) === p.n);
  return pipeline ? json(200, pipelineJson({ project: proj, pipeline })) : notFound();
});
add('GET', 'v2/pipeline/:id', (ctx, p) => {
  const ref = ctx.state.findPipeline(p.id);
  return ref ? json(200, pipelineJson(ref)) : notFound();
});
add('GET', 'v2/pipeline/:id/workflow', (ctx, p) => {
  const ref = ctx.state.findPipeline(p.id);
  if (!ref) return notFound();
  const workflows = [...ref.pipeline.workflows]
    .reverse()
    .map(workflow => workflowJson({ ref: { ...ref, workflow }, t: ctx.t, quirks: ctx.quirks }));
  const page = pageByOffset({
    items: workflows,
    token: ctx.query.get('page-token'),
    list: `workflows:${p.id}`,
  });
  return page ? json(200, page) : badToken();
});
add('GET', 'v2/workflow/:id', (ctx, p) => {
  const ref = ctx.state.findWorkflow(p.id);
  return ref ? json(200, workflowJson({ ref, t: ctx.t, quirks: ctx.quirks })) : notFound();
});
add('GET', 'v2/workflow/:id/job', (ctx, p) => {
  const ref = ctx.state.findWorkflow(p.id);
  if (!ref) return notFound();
  const page = pageByOffset({
    items: workflowJobsJson({ ref, t: ctx.t, quirks: ctx.quirks }),
    token: ctx.query.get('page-token'),
    list: `jobs:${p.id}`,
  });
  return page ? json(200, page) : badToken();
});
add('POST', 'v2/workflow/:id/rerun', async (ctx, p) => {
  const ref = ctx.state.findWorkflow(p.id);
  if (!ref) return notFound();
  const body = parseRerunBody(await ctx.body());
  if (!body) return json(400, { message: 'Invalid request body.' });
  return result(ctx, rerunWorkflow({ state: ctx.state, ref, body, t: ctx.t }));
});
add('POST', 'v2/workflow/:id/cancel', (ctx, p) => {
  const ref = ctx.state.findWorkflow(p.id);
  return ref ? result(ctx, cancelWorkflow({ state: ctx.state, ref, t: ctx.t })) : notFound();
});
add('POST', 'v2/workflow/:id/approve/:rid', (ctx, p) => {
  const ref = ctx.state.findWorkflow(p.id);
  return ref
    ? result(ctx, approveJob({ state: ctx.state, ref, approvalRequestId: p.rid, t: ctx.t }))
    : notFound();
});
add(
  'GET',
  'v2/project/:vcs/:org/:repo/job/:n',
  withJob((ctx, ref) => json(200, jobDetailsJson({ ref, t: ctx.t, quirks: ctx.quirks }))),
);
add(
  'POST',
  'v2/project/:vcs/:org/:repo/job/:n/cancel',
  withJob((ctx, ref) => result(ctx, cancelJob({ state: ctx.state, ref, t: ctx.t }))),
);
add(
  'GET',
  'v2/project/:vcs/:org/:repo/:n/tests',
  withJob((ctx, ref, p) => {
    const items = jobFinished(ctx, ref) ? ref.job.tests : [];
    const list = `tests:${ref.project.slug}:${p.n}`;
    const page = pageByOffset({
      items,
      token: ctx.query.get('page-token'),
      list,
      size: TESTS_PAGE_SIZE,
    });
    return page ? json(200, page) : badToken();
  }),
);
add(
  'GET',
  'v2/project/:vcs/:org/:repo/:n/artifacts',
  withJob((ctx, ref) =>
    json(200, { items: jobFinished(ctx, ref) ? ref.job.artifacts : [], next_page_token: null }),
  ),
);
add(
  'GET',
  'v1.1/project/:vcs/:org/:repo/:n',
  withJob((ctx, ref) =>
    json(200, buildDetailsJson({ ref, t: ctx.t, actors: Object.values(ctx.state.actors) })),
  ),
);
add(
  'GET',
  'private/output/raw/:vcs/:org/:repo/:n/output/:container/:step',
  withJob((ctx, ref, p) => {
    if (ref.job.logMissing || !/^\d+$/.test(p.container) || !/^\d+$/.test(p.step))
      return notFound();
    const times = workflowTimes(ref.workflow).get(ref.job.id) as JobTimes;
    const runs = stepRuns({ job: ref.job, times, t: ctx.t, container: Number(p.container) });
    const run =
      Number(p.container) < ref.job.parallelism
        ? runs.find(r => r.step.number === Number(p.step))
        : undefined;
    if (!run) return notFound();
    return new Response(renderStepLog({ ref, run, hugeLogLines: ctx.hugeLogLines }), {
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }),
);

addInsightsRoutes(add);
addV1Routes(add);

/** Routes a request; unknown routes answer 404 `{"message":"Not found"}`. */
export async function route(options: {
  ctx: RouteContext;
  method: string;
  segments: PathSegments;
}): Promise<Response> {
  const { ctx, method, segments } = options;
  let methodMismatch = false;
  for (const r of ROUTES) {
    const params = matchRoute(r.pattern, segments);
    if (!params) continue;
    if (r.method !== method) {
      methodMismatch = true;
      continue;
    }
    try {
      return await r.handler(ctx, params);
    } catch (e) {
      if (e instanceof SyntaxError) return json(400, { message: 'Invalid JSON body.' });
      throw e;
    }
  }
  return methodMismatch ? json(405, { message: 'Method not allowed' }) : notFound();
}
