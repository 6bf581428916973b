/**
 * @jest-environment node
 */

/*
 * The fake CircleCI's responses against CircleCI's own OpenAPI description
 * of API v2 (and, for v1.1 build details, against a real response).
 */

import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { createFakeCircleCI, type FakeCircleCI } from '..';
import specJson from './circleci-api-v2.subset.openapi.json';
import sample from './v1.1-build-details.sample.json';
import { responseSchema, type JsonObject, type JsonValue } from './openapi';
import {
  itemsOf,
  OPS,
  QUIRK_EXCEPTIONS,
  REAL_WORLD_EXCEPTIONS,
  type Item,
  type Op,
} from './real-world';
import { v1Problems } from './v1shape';
import { callFake } from '../testing';
import { ACTORS, ME } from '../data/blueprint';

/** The guest user's login: `pipeline/mine` answers only their pipelines. */
const ME_LOGIN = ACTORS[ME].login;

const spec = specJson as unknown as JsonObject;

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

const patched = new Map<string, number>();

function check(op: Op, body: unknown): void {
  const copy = JSON.parse(JSON.stringify(body)) as Item;
  for (const exception of [...REAL_WORLD_EXCEPTIONS, ...QUIRK_EXCEPTIONS]) {
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

async function checkInsights(fake: FakeCircleCI, slug: string): Promise<void> {
  const base = `v2/insights/${slug}`;
  check('flakyTests', await get(fake, `${base}/flaky-tests`));
  check('insightsBranches', await get(fake, `${base}/branches`));
  // All branches, the default branch, and the branch whose workflow names hold slashes.
  for (const scope of ['all-branches=true', '', `branch=${encodeURIComponent(fake.demo.slashWorkflow.branch)}`]) {
    const q = scope ? `?${scope}` : '';
    const and = scope ? `&${scope}` : '';
    const metrics = await get(fake, `${base}/workflows?reporting-window=last-30-days${and}`);
    check('insightsWorkflows', metrics);
    for (const item of metrics.items as Item[]) {
      const name = encodeURIComponent(String(item.name));
      check('insightsRuns', await get(fake, `${base}/workflows/${name}${q}`));
      check('insightsJobs', await get(fake, `${base}/workflows/${name}/jobs?reporting-window=last-7-days${and}`));
      check('insightsSummary', await get(fake, `${base}/workflows/${name}/summary${q}`));
      check('insightsTests', await get(fake, `${base}/workflows/${name}/test-metrics${q}`));
      check('insightsBranches', await get(fake, `${base}/branches?workflow-name=${name}`));
    }
  }
}

async function checkEverything(fake: FakeCircleCI): Promise<void> {
  check('me', await get(fake, 'v2/me'));
  for (const slug of fake.projects) {
    await checkInsights(fake, slug);
    const project = await get(fake, `v2/project/${slug}`);
    check('project', project);
    check(
      'pipelineDefinitions',
      await get(fake, `v2/projects/${String(project.id)}/pipeline-definitions`),
    );
    const mine = await paged(fake, 'myPipelines', `v2/project/${slug}/pipeline/mine`);
    expect(mine.every(p => (p.trigger as { actor: { login: string } }).actor.login === ME_LOGIN)).toBe(true);
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
    const standalone = fake.demo.slugs.standalone;
    const projectId = String((await get(fake, `v2/project/${standalone}`)).id);
    const definitions = await get(fake, `v2/projects/${projectId}/pipeline-definitions`);
    const [definition] = definitions.items as Item[];
    const run = await post(`v2/project/${standalone}/pipeline/run`, {
      definition_id: definition.id,
      config: { branch: 'main' },
      checkout: { branch: 'main' },
      parameters: { deploy: true, replicas: 2, region: 'eu' },
    });
    expect(run.status).toBe(201);
    check('runPipeline', run.body);
    const unknownField = await post(`v2/project/${standalone}/pipeline/run`, {
      definition_id: definition.id,
      branch: 'main',
    });
    expect(unknownField.status).toBe(400);
    check('error', unknownField.body);
    for (const offset of [60_000, 20 * 60_000]) {
      t = start + offset;
      await checkEverything(fake);
    }
  });

  it('error bodies validate against the default response', async () => {
    for (const path of [
      'v2/project/gh/acme/nope/pipeline',
      'v2/insights/gh/acme/nope/workflows',
      'v2/insights/gh/acme/nope/workflows/a%2Fb/summary',
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
    expect(patched.get(REAL_WORLD_EXCEPTIONS[4].name)).toBeGreaterThan(0);
    // Without quirks the fake needs none of the quirk exceptions.
    expect(QUIRK_EXCEPTIONS.map(e => patched.get(e.name) ?? 0)).toEqual([0, 0, 0]);
  });
});

describe('fake CircleCI with every quirk on vs the spec', () => {
  const start = Date.parse('2026-03-10T09:00:00Z');
  const fake = createFakeCircleCI({
    seed: 1,
    now: () => start + 15 * 60_000,
    startTime: start,
    quirks: {
      meNameNull: true,
      jobStatusNull: true,
      legacyAcceptedPosts: true,
      workflowStoppedAtEmpty: true,
    },
  });

  it('departs from the spec only as the quirk exceptions list', async () => {
    patched.clear();
    await checkEverything(fake);
    expect(QUIRK_EXCEPTIONS.map(e => patched.get(e.name) ?? 0)).toEqual([1, 2, 2]);
  });

  it('answers every write with the spec\'s MessageResponse (legacyAcceptedPosts)', async () => {
    const rocket = fake.demo.slugs.rocket;
    const { approval, failingJob } = fake.demo;
    const lint = fake.demo.quirks.nullStatusJob;
    const writes: Array<[string, unknown]> = [
      [`v2/project/${rocket}/pipeline`, { branch: 'main' }],
      [`v2/workflow/${failingJob.workflowId}/rerun`, { from_failed: true }],
      [`v2/workflow/${approval.workflowId}/approve/${approval.approvalRequestId}`, undefined],
      [`v2/workflow/${approval.workflowId}/cancel`, undefined],
      [`v2/project/${rocket}/job/${lint.jobNumber}/cancel`, undefined],
    ];
    for (const [path, body] of writes) {
      const answer = await callFake({ fake, path, method: 'POST', body });
      expect([path, answer.status, answer.json()]).toEqual([path, 202, { message: 'Accepted.' }]);
      check('cancelWorkflow', answer.json());
    }
  });
});
