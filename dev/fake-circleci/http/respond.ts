/*
 * What the route handlers share: their context, JSON answers, the answer of
 * a write (with the `legacyAcceptedPosts` quirk) and project/job lookups.
 */

import { LEGACY_ACCEPTED, type FakeQuirks } from '../failures/quirks';
import type { ActionResult } from '../sim/actions';
import type { ProjectModel } from '../sim/model';
import type { FakeState, JobRef } from '../sim/state';
import { workflowTimes, type JobTimes } from '../sim/timeline';

/** What a route handler gets. */
export interface RouteContext {
  state: FakeState;
  /** The current time. */
  t: number;
  query: URLSearchParams;
  /** The parsed JSON body (`{}` when empty); throws on invalid JSON. */
  body: () => Promise<Record<string, unknown>>;
  /** Number of lines of the huge step log. */
  hugeLogLines: number;
  /** The quirks that are on. */
  quirks: FakeQuirks;
}

/** The path parameters of a route (`:name` → value). */
export type Params = Record<string, string>;
/** A route handler. */
export type Handler = (ctx: RouteContext, params: Params) => Response | Promise<Response>;

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/** A JSON response. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_TYPE });
}

/** 404 `{"message": ...}` (default `Not found`). */
export const notFound = (message = 'Not found'): Response => json(404, { message });
/** 404 for an unknown project slug. */
export const projectNotFound = (): Response => notFound('Project not found');
/** 400 for a page token of another list (or no token at all). */
export const badToken = (): Response => json(400, { message: 'Invalid page-token.' });

/** The answer of a write (`202 {"message":"Accepted."}` on success with `legacyAcceptedPosts`). */
export function result(ctx: RouteContext, r: ActionResult): Response {
  const ok = r.status >= 200 && r.status < 300;
  if (ok && ctx.quirks.legacyAcceptedPosts)
    return json(LEGACY_ACCEPTED.status, LEGACY_ACCEPTED.body);
  return json(r.status, r.body);
}

/** The project named by the `:vcs/:org/:repo` parameters. */
export function project(ctx: RouteContext, p: Params): ProjectModel | undefined {
  return ctx.state.findProject({ vcs: p.vcs, org: p.org, repo: p.repo });
}

/** A handler for `.../:vcs/:org/:repo/.../:n` routes: 404 unless the job exists. */
export function withJob(
  handler: (ctx: RouteContext, ref: JobRef, p: Params) => Response | Promise<Response>,
): Handler {
  return (ctx, p) => {
    const proj = project(ctx, p);
    if (!proj) return projectNotFound();
    if (!/^\d+$/.test(p.n)) return notFound();
    const ref = ctx.state.findJob({ project: proj, number: Number(p.n) });
    return ref ? handler(ctx, ref, p) : notFound();
  };
}

/** Whether a job has reached its final status. */
export function jobFinished(ctx: RouteContext, ref: JobRef): boolean {
  const times = workflowTimes(ref.workflow).get(ref.job.id) as JobTimes;
  return ctx.t >= times.doneAt;
}
