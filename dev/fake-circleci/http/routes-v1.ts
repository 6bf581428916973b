/*
 * The API v1.1 reads the classic CircleCI plugin makes (the benchmark's
 * peer, bench/peer/): the recent builds of a project, `me`, and the retry
 * it offers. Build details are in routes.ts. Every answer is derived from
 * the same simulated history as the v2 answers, so both plugins show the
 * same project: a v1.1 "build" is a v2 build job with a number.
 */

import type { ProjectModel } from '../sim/model';
import type { FakeState, JobRef } from '../sim/state';
import { jobStatusAt, workflowTimes, type JobTimes } from '../sim/timeline';
import { json, notFound, project, projectNotFound, type Handler } from './respond';
import { buildDetailsJson, v1Status } from './serialize-v1';

/** How routes.ts registers a route. */
type Add = (method: string, pattern: string, handler: Handler) => void;

/** Default and largest `limit` of the recent builds list (CircleCI's docs: 30, at most 100). */
export const V1_DEFAULT_LIMIT = 30;
/** The largest `limit` CircleCI accepts. */
export const V1_MAX_LIMIT = 100;

/**
 * The keys of a shallow build summary: those of the real summary in
 * /work/shared/reference/v1.1/get-project-recent-builds.docs-example.json.
 */
export const V1_SHALLOW_KEYS: readonly string[] = [
  'committer_date', 'body', 'usage_queued_at', 'reponame', 'build_url', 'parallel', 'branch',
  'username', 'author_date', 'why', 'user', 'vcs_revision', 'workflows', 'vcs_tag',
  'pull_requests', 'build_num', 'committer_email', 'status', 'committer_name', 'subject',
  'dont_build', 'lifecycle', 'fleet', 'stop_time', 'build_time_millis', 'start_time',
  'platform', 'outcome', 'vcs_url', 'author_name', 'queued_at', 'author_email',
];

/** Keys of the full build details that a (non-shallow) summary leaves out. */
const DETAILS_ONLY = new Set(['steps', 'circle_yml']);

const FILTERS = new Set(['completed', 'successful', 'failed', 'running']);
const FAILED = new Set(['failed', 'infrastructure_fail', 'timedout']);

/** The project's build jobs that exist at `t` (their workflow was created), newest first. */
export function projectBuilds(options: {
  state: FakeState;
  project: ProjectModel;
  t: number;
}): JobRef[] {
  const { state, project: proj, t } = options;
  const builds: JobRef[] = [];
  for (const pipeline of proj.pipelines) {
    for (const workflow of pipeline.workflows) {
      if (workflow.createdAt > t) continue;
      for (const job of workflow.jobs) {
        if (job.type !== 'build' || job.number === undefined) continue;
        const ref = state.findJob({ project: proj, number: job.number });
        if (ref) builds.push(ref);
      }
    }
  }
  return builds.sort((a, b) => (b.job.number ?? 0) - (a.job.number ?? 0));
}

/** Whether a build passes the v1.1 `filter` (completed, successful, failed, running). */
function passes(options: { ref: JobRef; t: number; filter: string | null }): boolean {
  const { ref, t, filter } = options;
  if (!filter) return true;
  const times = workflowTimes(ref.workflow).get(ref.job.id) as JobTimes;
  const status = jobStatusAt({ job: ref.job, times, t });
  if (filter === 'running') return status === 'running';
  const done = t >= times.doneAt && v1Status(status).lifecycle === 'finished';
  if (filter === 'completed') return done;
  if (filter === 'successful') return done && status === 'success';
  return done && FAILED.has(status);
}

/** The v1.1 summary of a build: the details without steps, or only the shallow keys. */
export function buildSummaryJson(options: {
  ref: JobRef;
  t: number;
  state: FakeState;
  shallow: boolean;
}): Record<string, unknown> {
  const details = buildDetailsJson({
    ref: options.ref,
    t: options.t,
    actors: Object.values(options.state.actors),
  });
  const withFleet: Record<string, unknown> = { ...details, fleet: 'picard' };
  const keep = (key: string) =>
    options.shallow ? V1_SHALLOW_KEYS.includes(key) : !DETAILS_ONLY.has(key);
  return Object.fromEntries(Object.entries(withFleet).filter(([key]) => keep(key)));
}

/** A non-negative integer query parameter; `undefined` when absent, `null` when invalid. */
function intParam(value: string | null): number | undefined | null {
  if (value === null || value === '') return undefined;
  return /^\d+$/.test(value) ? Number(value) : null;
}

const recentBuilds: Handler = (ctx, p) => {
  const proj = project(ctx, p);
  if (!proj) return projectNotFound();
  const limit = intParam(ctx.query.get('limit'));
  const offset = intParam(ctx.query.get('offset'));
  const filter = ctx.query.get('filter');
  if (limit === null || offset === null || (limit !== undefined && limit > V1_MAX_LIMIT))
    return json(400, { message: 'limit must be an integer from 0 to 100, offset a non-negative integer' });
  if (filter !== null && filter !== '' && !FILTERS.has(filter))
    return json(400, { message: 'filter must be one of completed, successful, failed, running' });
  const shallow = ctx.query.get('shallow') === 'true';
  const builds = projectBuilds({ state: ctx.state, project: proj, t: ctx.t }).filter(ref =>
    passes({ ref, t: ctx.t, filter: filter || null }),
  );
  const start = offset ?? 0;
  const page = builds.slice(start, start + (limit ?? V1_DEFAULT_LIMIT));
  return json(
    200,
    page.map(ref => buildSummaryJson({ ref, t: ctx.t, state: ctx.state, shallow })),
  );
};

/** Registers the v1.1 routes (the build details route is in routes.ts). */
export function addV1Routes(add: Add): void {
  add('GET', 'v1.1/me', ctx =>
    json(200, {
      login: ctx.state.me.login,
      name: ctx.quirks.meNameNull ? null : ctx.state.me.name,
      avatar_url: ctx.state.me.avatarUrl,
      admin: false,
      basic_email_prefs: 'smart',
      user_key_fingerprint: null,
      selected_email: ctx.state.me.email,
      days_left_in_trial: 0,
      trial_end: '2019-01-01T00:00:00Z',
    }),
  );
  add('GET', 'v1.1/project/:vcs/:org/:repo', recentBuilds);
  // The v1.1 job retry is answered as an unknown route (404 {"message":"Not found"}),
  // as the brief of issue 14 says CircleCI does since 2026-11-26 (no public source
  // for the removal was found; see docs/performance.md).
  add('POST', 'v1.1/project/:vcs/:org/:repo/:n/retry', () => notFound());
}
