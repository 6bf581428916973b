/**
 * @jest-environment node
 */

/*
 * The fake CircleCI's responses against CircleCI's own OpenAPI description
 * of API v2 (and, for v1.1 build details, against a real response).
 */

import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { createFakeCircleCI, type FakeCircleCI } from '../../dev/fake-circleci';
import specJson from '../../dev/fake-circleci/spec/circleci-api-v2.subset.openapi.json';
import sample from '../../dev/fake-circleci/spec/v1.1-build-details.sample.json';
import {
  responseSchema,
  type JsonObject,
  type JsonValue,
} from '../../dev/fake-circleci/spec/openapi';
import { v1Problems } from '../../dev/fake-circleci/spec/v1shape';
import { callFake } from '../../dev/fake-circleci/testing';

const spec = specJson as unknown as JsonObject;

const OPS = {
  me: ['/me', 'get', '200'],
  project: ['/project/{project-slug}', 'get', '200'],
  pipelines: ['/project/{project-slug}/pipeline', 'get', '200'],
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
  error: ['/project/{project-slug}/pipeline', 'get', 'default'],
} as const;
type Op = keyof typeof OPS;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validators = new Map<Op, ValidateFunction>();
function validator(op: Op): ValidateFunction {
  let v = validators.get(op);
  if (!v) {
    const [path, method, status] = OPS[op];
    v = ajv.compile(responseSchema({ spec, path, method, status }) as object);
    validators.set(op, v);
  }
  return v;
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
type Item = Record<string, JsonValue>;
const asItem = (v: JsonValue | undefined): Item | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
const itemsOf = (op: Op, body: Item): Item[] => {
  const list = ['pipelines', 'workflows', 'jobs'].includes(op) ? body.items : [body];
  return Array.isArray(list) ? list.map(asItem).filter((i): i is Item => Boolean(i)) : [];
};

/**
 * The ONLY departures from the spec the fake may make: nulls and missing
 * fields that real CircleCI responses contain although the spec marks the
 * field as required (or not nullable). Each entry patches a response so it
 * validates and returns how many places it patched; nothing else is patched.
 */
const REAL_WORLD_EXCEPTIONS: Array<{ name: string; patch: (op: Op, body: Item) => number }> = [
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
      if (op !== 'pipelines' && op !== 'pipeline' && op !== 'pipelineByNumber') return 0;
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
];

const patched = new Map<string, number>();

function check(op: Op, body: unknown): void {
  const copy = JSON.parse(JSON.stringify(body)) as Item;
  for (const exception of REAL_WORLD_EXCEPTIONS) {
    const n = exception.patch(op, copy);
    patched.set(exception.name, (patched.get(exception.name) ?? 0) + n);
  }
  const validate = validator(op);
  if (!validate(copy)) {
    throw new Error(
      `${op} does not match the spec: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 2000)}`,
    );
  }
}

function checkV1(body: Record<string, unknown>): void {
  const problems = v1Problems({ body, sample });
  if (problems.length > 0)
    throw new Error(`v1.1 build ${String(body.build_num)}: ${problems.join('; ')}`);
}

async function get(fake: FakeCircleCI, path: string): Promise<Item> {
  const answer = await callFake({ fake, path });
  expect([path, answer.status]).toEqual([path, 200]);
  return answer.json<Item>();
}

async function paged(fake: FakeCircleCI, op: Op, path: string): Promise<Item[]> {
  const out: Item[] = [];
  let token: JsonValue | undefined = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const body = await get(
      fake,
      token ? `${path}${sep}page-token=${encodeURIComponent(String(token))}` : path,
    );
    check(op, body);
    out.push(...itemsOf('jobs', body));
    token = body.next_page_token;
  } while (token);
  return out;
}

async function checkEverything(fake: FakeCircleCI): Promise<void> {
  check('me', await get(fake, 'v2/me'));
  for (const slug of fake.projects) {
    check('project', await get(fake, `v2/project/${slug}`));
    for (const pipeline of await paged(fake, 'pipelines', `v2/project/${slug}/pipeline`)) {
      check('pipeline', await get(fake, `v2/pipeline/${pipeline.id}`));
      check('pipelineByNumber', await get(fake, `v2/project/${slug}/pipeline/${pipeline.number}`));
      for (const workflow of await paged(
        fake,
        'workflows',
        `v2/pipeline/${pipeline.id}/workflow`,
      )) {
        check('workflow', await get(fake, `v2/workflow/${workflow.id}`));
        for (const job of await paged(fake, 'jobs', `v2/workflow/${workflow.id}/job`)) {
          if (job.job_number === undefined) continue;
          const n = String(job.job_number);
          check('jobDetails', await get(fake, `v2/project/${slug}/job/${n}`));
          check('tests', await get(fake, `v2/project/${slug}/${n}/tests`));
          check('artifacts', await get(fake, `v2/project/${slug}/${n}/artifacts`));
          checkV1(await get(fake, `v1.1/project/${slug}/${n}`));
        }
      }
    }
  }
}

describe('fake CircleCI vs the OpenAPI description of API v2', () => {
  const start = Date.parse('2026-03-10T09:00:00Z');
  let t = start;
  const fake = createFakeCircleCI({ seed: 1, now: () => t, startTime: start });

  it('every GET response validates, at start, mid-way and after running work finished', async () => {
    for (const offset of [0, 3 * 60_000, 15 * 60_000]) {
      t = start + offset;
      await checkEverything(fake);
    }
    expect(validators.size).toBeGreaterThan(8);
  });

  it('POST responses validate, and so does everything after the writes', async () => {
    t = start;
    const rocket = fake.demo.slugs.rocket;
    const post = async (path: string, body?: unknown) => {
      const answer = await callFake({ fake, path, method: 'POST', body });
      return { status: answer.status, body: answer.json<Item>() };
    };
    const trigger = await post(`v2/project/${rocket}/pipeline`, { branch: 'feature/login' });
    expect(trigger.status).toBe(201);
    check('trigger', trigger.body);
    const failed = fake.demo.failingJob.workflowId;
    const rerun = await post(`v2/workflow/${failed}/rerun`, { from_failed: true });
    expect(rerun.status).toBe(202);
    check('rerun', rerun.body);
    const running = fake.findWorkflow({ projectSlug: rocket, pipelineNumber: 1265 }) ?? '';
    const cancel = await post(`v2/workflow/${running}/cancel`);
    expect(cancel.status).toBe(202);
    check('cancelWorkflow', cancel.body);
    const { workflowId, approvalRequestId } = fake.demo.approval;
    const approve = await post(`v2/workflow/${workflowId}/approve/${approvalRequestId}`);
    expect(approve.status).toBe(202);
    check('approve', approve.body);
    const jobs = await get(
      fake,
      `v2/workflow/${fake.findWorkflow({ projectSlug: rocket, pipelineNumber: 1264 })}/job`,
    );
    const lint = itemsOf('jobs', jobs)[0];
    const cancelJob = await post(`v2/project/${rocket}/job/${lint.job_number}/cancel`);
    expect(cancelJob.status).toBe(200);
    check('cancelJob', cancelJob.body);
    for (const offset of [60_000, 20 * 60_000]) {
      t = start + offset;
      await checkEverything(fake);
    }
  });

  it('error bodies validate against the default response', async () => {
    for (const path of [
      'v2/project/gh/acme/nope/pipeline',
      'v2/pipeline/00000000-0000-4000-8000-000000000000',
      'v2/nope',
    ]) {
      const answer = await callFake({ fake, path });
      expect(answer.status).toBe(404);
      check('error', answer.json());
    }
    const unauthorized = await callFake({ fake, path: 'v2/me', token: null });
    expect(unauthorized.status).toBe(401);
    check('error', unauthorized.json());
  });

  it('used the real-world exceptions where the data has them', () => {
    expect(patched.get(REAL_WORLD_EXCEPTIONS[0].name)).toBeGreaterThan(0);
    expect(patched.get(REAL_WORLD_EXCEPTIONS[3].name)).toBeGreaterThan(0);
  });
});
