/*
 * What the fake's spec test (`spec.test.ts`) allows besides the spec: the
 * departures real CircleCI responses make. Each entry patches a copy of a
 * response so that it validates and counts how many places it patched;
 * nothing else is patched. `REAL_WORLD_EXCEPTIONS` apply to the default
 * demo data; `QUIRK_EXCEPTIONS` only to bodies sent with a quirk on.
 */

import type { JsonValue } from './openapi';

/** The operations the fake serves: path, method and the status of the checked response. */
export const OPS = {
  me: ['/me', 'get', '200'],
  project: ['/project/{project-slug}', 'get', '200'],
  pipelines: ['/project/{project-slug}/pipeline', 'get', '200'],
  myPipelines: ['/project/{project-slug}/pipeline/mine', 'get', '200'],
  trigger: ['/project/{project-slug}/pipeline', 'post', '201'],
  pipelineByNumber: ['/project/{project-slug}/pipeline/{pipeline-number}', 'get', '200'],
  pipeline: ['/pipeline/{pipeline-id}', 'get', '200'],
  workflows: ['/pipeline/{pipeline-id}/workflow', 'get', '200'],
  workflow: ['/workflow/{id}', 'get', '200'],
  jobs: ['/workflow/{id}/job', 'get', '200'],
  rerun: ['/workflow/{id}/rerun', 'post', '202'],
  cancelWorkflow: ['/workflow/{id}/cancel', 'post', '202'],
  approve: ['/workflow/{id}/approve/{approval_request_id}', 'post', '202'],
  jobDetails: ['/project/{project-slug}/job/{job-number}', 'get', '200'],
  cancelJob: ['/project/{project-slug}/job/{job-number}/cancel', 'post', '200'],
  tests: ['/project/{project-slug}/{job-number}/tests', 'get', '200'],
  artifacts: ['/project/{project-slug}/{job-number}/artifacts', 'get', '200'],
  runPipeline: ['/project/{provider}/{organization}/{project}/pipeline/run', 'post', '201'],
  pipelineDefinitions: ['/projects/{project_id}/pipeline-definitions', 'get', '200'],
  error: ['/project/{project-slug}/pipeline', 'get', 'default'],
  insightsWorkflows: ['/insights/{project-slug}/workflows', 'get', '200'],
  insightsRuns: ['/insights/{project-slug}/workflows/{workflow-name}', 'get', '200'],
  insightsJobs: ['/insights/{project-slug}/workflows/{workflow-name}/jobs', 'get', '200'],
  insightsSummary: ['/insights/{project-slug}/workflows/{workflow-name}/summary', 'get', '200'],
  insightsTests: ['/insights/{project-slug}/workflows/{workflow-name}/test-metrics', 'get', '200'],
  flakyTests: ['/insights/{project-slug}/flaky-tests', 'get', '200'],
  insightsBranches: ['/insights/{project-slug}/branches', 'get', '200'],
} as const;
/** An operation of {@link OPS}. */
export type Op = keyof typeof OPS;

/** One allowed departure from the spec. */
export interface RealWorldException {
  name: string;
  /** Patches `body` (a copy) in place; returns the number of places patched. */
  patch: (op: Op, body: Item) => number;
}

const PLACEHOLDER_TIME = '1970-01-01T00:00:00Z';
const NOT_STARTED = new Set([
  'on_hold',
  'blocked',
  'queued',
  'not_run',
  'unauthorized',
  'canceled',
]);
/** A response body (or one item of a list). */
export type Item = Record<string, JsonValue>;
const asItem = (v: JsonValue | undefined): Item | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
/** The items of a list body, or the body itself. */
export const itemsOf = (op: Op, body: Item): Item[] => {
  const list = ['pipelines', 'myPipelines', 'workflows', 'jobs'].includes(op) ? body.items : [body];
  return Array.isArray(list) ? list.map(asItem).filter((i): i is Item => Boolean(i)) : [];
};

/**
 * The ONLY departures from the spec the fake may make: nulls and missing
 * fields that real CircleCI responses contain although the spec marks the
 * field as required (or not nullable), and the snake_case keys of flaky tests. Each entry patches a response so it
 * validates and returns how many places it patched; nothing else is patched.
 */
export const REAL_WORLD_EXCEPTIONS: RealWorldException[] = [
  {
    // The spec's Job requires a non-null `started_at`; approval jobs (and
    // jobs that never started) have `started_at: null`. `job_number` is
    // optional in the spec already, so its absence needs no patch.
    name: 'approval job (or a job not started yet) without job_number and with started_at: null',
    patch: (op, body) => {
      if (op !== 'jobs' && op !== 'jobDetails') return 0;
      let n = 0;
      for (const job of itemsOf(op, body)) {
        const notStarted = job.type === 'approval' || NOT_STARTED.has(String(job.status));
        if (job.started_at === null && notStarted) {
          job.started_at = PLACEHOLDER_TIME;
          n++;
        }
      }
      return n;
    },
  },
  {
    // `vcs` is optional in the spec: nothing to patch, listed for completeness.
    name: 'pipeline without vcs',
    patch: () => 0,
  },
  {
    // The Workflow schema requires `stopped_at` (nullable); a missing one is patched to null.
    name: 'workflow without stopped_at',
    patch: (op, body) => {
      if (op !== 'workflow' && op !== 'workflows') return 0;
      let n = 0;
      for (const wf of itemsOf(op, body)) {
        if (!('stopped_at' in wf)) {
          wf.stopped_at = null;
          n++;
        }
      }
      return n;
    },
  },
  {
    // The spec requires `vcs.commit.subject` (nullable); real pipelines miss it.
    name: 'commit subject missing or null',
    patch: (op, body) => {
      if (!['pipelines', 'myPipelines', 'pipeline', 'pipelineByNumber'].includes(op)) return 0;
      let n = 0;
      for (const pipeline of itemsOf(op, body)) {
        const commit = asItem(asItem(pipeline.vcs)?.commit);
        if (commit && !('subject' in commit)) {
          commit.subject = null;
          n++;
        }
      }
      return n;
    },
  },
  {
    // Real CircleCI spells the flaky-tests keys in snake_case (`flaky_tests`,
    // `total_flaky_tests`, `job_number`, ...); the spec hyphenates them. Each
    // renamed key counts once.
    name: 'flaky tests with snake_case keys',
    patch: (op, body) => {
      if (op !== 'flakyTests') return 0;
      let n = hyphenate(body);
      for (const test of Array.isArray(body['flaky-tests']) ? body['flaky-tests'] : []) {
        const item = asItem(test);
        if (item) n += hyphenate(item);
      }
      return n;
    },
  },
];

/** Renames `a_b` keys of `item` to `a-b` in place; returns how many it renamed. */
function hyphenate(item: Item): number {
  let n = 0;
  for (const key of Object.keys(item)) {
    if (!key.includes('_')) continue;
    item[key.replace(/_/g, '-')] = item[key];
    delete item[key];
    n++;
  }
  return n;
}

/**
 * Departures the fake makes only with a quirk on (see `failures/quirks.ts`).
 * The legacy POST answer (`legacyAcceptedPosts`) is not patched: the test
 * checks it against the spec's `MessageResponse` instead.
 */
export const QUIRK_EXCEPTIONS: RealWorldException[] = [
  {
    // The spec's User requires a string `name`; a user without a display name has null.
    name: 'me with name: null (meNameNull)',
    patch: (op, body) => {
      if (op !== 'me' || body.name !== null) return 0;
      body.name = '';
      return 1;
    },
  },
  {
    // The spec's job status is an enum without null; real responses have null.
    name: 'job with status: null (jobStatusNull)',
    patch: (op, body) => {
      if (op !== 'jobs' && op !== 'jobDetails') return 0;
      let n = 0;
      for (const job of itemsOf(op, body)) {
        if (job.status === null) {
          job.status = 'success';
          n++;
        }
      }
      return n;
    },
  },
  {
    // The spec's stopped_at is a date-time or null; a real workflow had "".
    name: 'workflow with stopped_at: "" (workflowStoppedAtEmpty)',
    patch: (op, body) => {
      if (op !== 'workflow' && op !== 'workflows') return 0;
      let n = 0;
      for (const wf of itemsOf(op, body)) {
        if (wf.stopped_at === '') {
          wf.stopped_at = null;
          n++;
        }
      }
      return n;
    },
  },
];
