/**
 * @jest-environment node
 */

/*
 * The fake CircleCI's writes (rerun, approve, cancel, trigger), its clock
 * and reset. Failure knobs, latency and the request log are tested in
 * failures/rules.test.ts.
 */

import { createFakeCircleCI } from '..';
import { callFake } from '../testing';

type Page = { items: Array<Record<string, unknown>>; next_page_token: string | null };

const START = Date.parse('2026-03-10T09:00:00Z');
const ROCKET = 'gh/acme/rocket';
const MIN = 60_000;

function setup() {
  const clock = { t: START };
  const fake = createFakeCircleCI({ seed: 1, now: () => clock.t, startTime: START });
  const get = async <T = Page>(path: string) => (await callFake({ fake, path })).json<T>();
  const post = async (path: string, body?: unknown) => {
    const answer = await callFake({ fake, path, method: 'POST', body });
    return { status: answer.status, body: answer.json<Record<string, unknown>>() };
  };
  const workflowStatus = async (id: string) =>
    (await get<{ status: string }>(`v2/workflow/${id}`)).status;
  return { fake, clock, get, post, workflowStatus };
}

describe('fake CircleCI: writes and time', () => {
  it('running work advances with now()', async () => {
    const { fake, clock, get, workflowStatus } = setup();
    const id = fake.findWorkflow({ projectSlug: ROCKET, pipelineNumber: 1264 }) ?? '';
    const statuses = async () => (await get(`v2/workflow/${id}/job`)).items.map(j => j.status);
    expect(await statuses()).toEqual(['running', 'queued', 'blocked']);
    expect(await workflowStatus(id)).toBe('running');
    clock.t = START + 2 * MIN;
    expect(await statuses()).toEqual(['success', 'running', 'blocked']);
    clock.t = START + 10 * MIN;
    expect(await statuses()).toEqual(['success', 'success', 'success']);
    expect(await workflowStatus(id)).toBe('success');
  });

  it('rerun creates a new workflow with the same name in the same pipeline', async () => {
    const { fake, clock, get, post, workflowStatus } = setup();
    const { workflowId, pipelineNumber } = fake.demo.failingJob;
    const rerun = await post(`v2/workflow/${workflowId}/rerun`, { from_failed: true });
    expect(rerun.status).toBe(202);
    const newId = String(rerun.body.workflow_id);
    expect(newId).not.toBe(workflowId);
    const pipeline = await get<{ id: string }>(`v2/project/${ROCKET}/pipeline/${pipelineNumber}`);
    const workflows = (await get(`v2/pipeline/${pipeline.id}/workflow`)).items;
    expect(workflows.map(w => [w.id, w.name, w.status])).toEqual([
      [newId, 'build-and-test', 'running'],
      [workflowId, 'build-and-test', 'failed'],
    ]);
    const jobs = (await get(`v2/workflow/${newId}/job`)).items;
    const numbers = jobs.map(j => j.job_number as number);
    expect(Math.min(...numbers)).toBeGreaterThan(fake.demo.failingJob.jobNumber);
    expect((await callFake({ fake, path: `v2/project/${ROCKET}/job/${numbers[0]}` })).status).toBe(
      200,
    );
    clock.t = START + 10 * MIN;
    expect(await workflowStatus(newId)).toBe('success');
    expect(
      (await post(`v2/workflow/${workflowId}/rerun`, { from_failed: true, jobs: [] })).status,
    ).toBe(400);
  });

  it('approve lets the held job succeed and the dependents run', async () => {
    const { fake, clock, get, post, workflowStatus } = setup();
    const { workflowId, approvalRequestId } = fake.demo.approval;
    expect(await workflowStatus(workflowId)).toBe('on_hold');
    expect(
      (await post(`v2/workflow/${workflowId}/approve/00000000-0000-4000-8000-000000000000`)).status,
    ).toBe(404);
    const approved = await post(`v2/workflow/${workflowId}/approve/${approvalRequestId}`);
    expect(approved).toEqual({ status: 202, body: { message: 'Accepted.' } });
    const jobs = (await get(`v2/workflow/${workflowId}/job`)).items;
    const hold = jobs.find(j => j.type === 'approval');
    expect(hold).toMatchObject({
      status: 'success',
      approved_by: fake.state.me.id,
      started_at: null,
    });
    expect(hold?.job_number).toBeUndefined();
    expect(jobs.find(j => j.name === 'deploy')?.status).toBe('blocked');
    expect(await workflowStatus(workflowId)).toBe('running');
    clock.t = START + 5 * MIN;
    expect(await workflowStatus(workflowId)).toBe('success');
    expect((await post(`v2/workflow/${workflowId}/approve/${approvalRequestId}`)).status).toBe(400);
  });

  it('cancel makes running and queued jobs canceled', async () => {
    const { fake, clock, get, post, workflowStatus } = setup();
    const id = fake.findWorkflow({ projectSlug: ROCKET, pipelineNumber: 1264 }) ?? '';
    expect(await post(`v2/workflow/${id}/cancel`)).toEqual({
      status: 202,
      body: { message: 'Accepted.' },
    });
    expect(await workflowStatus(id)).toBe('canceled');
    clock.t = START + 10 * MIN;
    const jobs = (await get(`v2/workflow/${id}/job`)).items;
    expect(jobs.map(j => j.status)).toEqual(['canceled', 'canceled', 'canceled']);
    expect((await get<{ canceled_by: string }>(`v2/workflow/${id}`)).canceled_by).toBe(
      fake.state.me.id,
    );
  });

  it('cancel of one job', async () => {
    const { fake, get, post } = setup();
    const id = fake.findWorkflow({ projectSlug: ROCKET, pipelineNumber: 1265 }) ?? '';
    const test = (await get(`v2/workflow/${id}/job`)).items.find(j => j.name === 'test');
    const answer = await post(`v2/project/${ROCKET}/job/${test?.job_number}/cancel`);
    expect(answer).toEqual({ status: 200, body: { message: 'Accepted.' } });
    const details = await get<{ status: string }>(`v2/project/${ROCKET}/job/${test?.job_number}`);
    expect(details.status).toBe('canceled');
  });

  it('trigger creates a pipeline with a running workflow', async () => {
    const { clock, get, post, workflowStatus } = setup();
    const created = await post(`v2/project/${ROCKET}/pipeline`, {
      branch: 'feature/login',
      parameters: { deploy: true },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      state: 'created',
      number: 1266,
      created_at: new Date(START).toISOString(),
    });
    const newest = (await get(`v2/project/${ROCKET}/pipeline?branch=feature/login`)).items[0];
    expect(newest).toMatchObject({ id: created.body.id, number: 1266, trigger: { type: 'api' } });
    const workflow = (await get(`v2/pipeline/${created.body.id}/workflow`)).items[0];
    expect(await workflowStatus(String(workflow.id))).toBe('running');
    clock.t = START + 10 * MIN;
    expect(await workflowStatus(String(workflow.id))).toBe('success');
    const empty = await post('v2/project/gh/acme/empty/pipeline');
    expect(empty.body.number).toBe(1);
    expect((await post('v2/project/gh/acme/nope/pipeline')).status).toBe(404);
  });

  it('reset puts the state back to the seed', async () => {
    const { fake, get, post } = setup();
    await post(`v2/project/${ROCKET}/pipeline`, {});
    expect((await get(`v2/project/${ROCKET}/pipeline`)).items[0].number).toBe(1266);
    fake.reset();
    expect((await get(`v2/project/${ROCKET}/pipeline`)).items[0].number).toBe(1265);
  });
});
