/**
 * @jest-environment node
 */

/*
 * The quirks: answers shaped like real CircleCI where it departs from its
 * spec. Each is off by default and changes only what it names.
 */

import { createFakeCircleCI, type FakeQuirks } from '..';
import { callFake } from '../testing';
import { parseQuirks } from './quirks';

type Item = Record<string, unknown>;
type Page = { items: Item[]; next_page_token: string | null };

const START = Date.parse('2026-03-10T09:00:00Z');
const ROCKET = 'gh/acme/rocket';
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

function setup(quirks?: FakeQuirks) {
  const fake = createFakeCircleCI({ seed: 1, now: () => START, startTime: START, quirks });
  const get = async <T = Page>(path: string) => (await callFake({ fake, path })).json<T>();
  const post = async (path: string, body?: unknown) => {
    const answer = await callFake({ fake, path, method: 'POST', body });
    return { status: answer.status, body: answer.json<Item>() };
  };
  return { fake, get, post };
}

describe('fake CircleCI quirks', () => {
  it('are all off by default; setQuirks merges, clearQuirks and reset', () => {
    const { fake } = setup();
    expect(fake.quirks).toEqual({
      meNameNull: false,
      jobStatusNull: false,
      legacyAcceptedPosts: false,
      workflowStoppedAtEmpty: false,
    });
    fake.setQuirks({ meNameNull: true });
    fake.setQuirks({ legacyAcceptedPosts: true, jobStatusNull: undefined });
    expect(fake.quirks).toMatchObject({ meNameNull: true, legacyAcceptedPosts: true });
    fake.reset();
    expect(fake.quirks.meNameNull).toBe(true);
    fake.setQuirks({ meNameNull: false });
    expect(fake.quirks).toMatchObject({ meNameNull: false, legacyAcceptedPosts: true });
    fake.clearQuirks();
    expect(Object.values(fake.quirks)).toEqual([false, false, false, false]);
    expect(setup({ workflowStoppedAtEmpty: true }).fake.quirks.workflowStoppedAtEmpty).toBe(true);
  });

  it('meNameNull: GET /v2/me answers "name": null, the login stays', async () => {
    const { fake, get } = setup();
    expect(await get<Item>('v2/me')).toMatchObject({ login: 'ada-lovelace', name: 'Ada Lovelace' });
    fake.setQuirks({ meNameNull: true });
    const me = await get<Item>('v2/me');
    expect(me).toMatchObject({ login: 'ada-lovelace', name: null, id: fake.state.me.id });
    expect('name' in me).toBe(true);
  });

  it('jobStatusNull: one job has "status": null in its job list and its details', async () => {
    const { fake, get } = setup();
    const target = fake.demo.quirks.nullStatusJob;
    const jobs = async () => (await get(`v2/workflow/${target.workflowId}/job`)).items;
    const details = async () =>
      get<Item>(`v2/project/${target.projectSlug}/job/${target.jobNumber}`);
    expect((await jobs()).find(j => j.id === target.jobId)?.status).toBe('success');
    expect((await details()).status).toBe('success');
    fake.setQuirks({ jobStatusNull: true });
    const list = await jobs();
    const job = list.find(j => j.id === target.jobId);
    expect(job).toMatchObject({ name: target.jobName, job_number: target.jobNumber });
    expect(job?.status).toBeNull();
    expect(list.filter(j => j.status === null)).toHaveLength(1);
    expect(list.filter(j => j.id !== target.jobId).every(j => j.status === 'success')).toBe(true);
    expect((await details()).status).toBeNull();
    expect((await get<Item>(`v2/workflow/${target.workflowId}`)).status).toBe('success');
  });

  it('workflowStoppedAtEmpty: one finished workflow has "stopped_at": ""', async () => {
    const { fake, get } = setup();
    const target = fake.demo.quirks.emptyStoppedAtWorkflow;
    const workflow = () => get<Item>(`v2/workflow/${target.workflowId}`);
    expect((await workflow()).stopped_at).toMatch(ISO);
    fake.setQuirks({ workflowStoppedAtEmpty: true });
    expect(await workflow()).toMatchObject({ name: target.name, stopped_at: '' });
    const pipeline = await get<Item>(`v2/project/${ROCKET}/pipeline/${target.pipelineNumber}`);
    const listed = (await get(`v2/pipeline/${String(pipeline.id)}/workflow`)).items;
    expect(listed.find(w => w.id === target.workflowId)?.stopped_at).toBe('');
    expect(listed.filter(w => w.id !== target.workflowId).every(w => w.stopped_at !== '')).toBe(
      true,
    );
  });

  it('legacyAcceptedPosts: every successful write answers 202 {"message":"Accepted."} and still happens', async () => {
    const { fake, get, post } = setup({ legacyAcceptedPosts: true });
    const accepted = { status: 202, body: { message: 'Accepted.' } };
    const { workflowId, pipelineNumber } = fake.demo.failingJob;
    const pipeline = await get<Item>(`v2/project/${ROCKET}/pipeline/${pipelineNumber}`);
    const workflows = async () => (await get(`v2/pipeline/${String(pipeline.id)}/workflow`)).items;
    expect(await workflows()).toHaveLength(1);
    expect(await post(`v2/workflow/${workflowId}/rerun`, { from_failed: true })).toEqual(accepted);
    expect((await workflows()).map(w => w.status)).toEqual(['running', 'failed']);

    const { approval } = fake.demo;
    const approve = `v2/workflow/${approval.workflowId}/approve/${approval.approvalRequestId}`;
    expect(await post(approve)).toEqual(accepted);
    expect((await get<Item>(`v2/workflow/${approval.workflowId}`)).status).toBe('running');

    const running = fake.findWorkflow({ projectSlug: ROCKET, pipelineNumber: 1265 }) ?? '';
    expect(await post(`v2/workflow/${running}/cancel`)).toEqual(accepted);
    expect((await get<Item>(`v2/workflow/${running}`)).status).toBe('canceled');

    const other = fake.findWorkflow({ projectSlug: ROCKET, pipelineNumber: 1264 }) ?? '';
    const lint = (await get(`v2/workflow/${other}/job`)).items[0];
    const jobPath = `v2/project/${ROCKET}/job/${String(lint.job_number)}`;
    expect(await post(`${jobPath}/cancel`)).toEqual(accepted);
    expect((await get<Item>(jobPath)).status).toBe('canceled');

    expect(await post(`v2/project/${ROCKET}/pipeline`, { branch: 'main' })).toEqual(accepted);
    expect((await get(`v2/project/${ROCKET}/pipeline`)).items[0].number).toBe(1266);
  });

  it('legacyAcceptedPosts leaves errors alone', async () => {
    const { fake, post } = setup({ legacyAcceptedPosts: true });
    const { workflowId } = fake.demo.failingJob;
    const invalid = await post(`v2/workflow/${workflowId}/rerun`, { from_failed: true, jobs: [] });
    expect(invalid.status).toBe(400);
    expect((await post('v2/project/gh/acme/nope/pipeline')).status).toBe(404);
    const { approval } = fake.demo;
    const unknown = `v2/workflow/${approval.workflowId}/approve/00000000-0000-4000-8000-000000000000`;
    expect(await post(unknown)).toEqual({ status: 404, body: { message: 'Not found' } });
  });

  it('parseQuirks accepts known names with booleans only', () => {
    expect(parseQuirks({ meNameNull: true, jobStatusNull: false })).toEqual({
      meNameNull: true,
      jobStatusNull: false,
    });
    expect(parseQuirks({ nameNull: true })).toMatch(/unknown quirk nameNull/);
    expect(parseQuirks({ meNameNull: 'yes' })).toMatch(/must be true or false/);
  });
});
