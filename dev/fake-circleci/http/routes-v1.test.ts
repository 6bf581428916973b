/**
 * @jest-environment node
 */

/*
 * The v1.1 reads of the classic plugin (routes-v1.ts), checked against
 * CircleCI's v1.1 reference (the OpenAPI description and the real summary
 * sample in /work/shared/reference/v1.1/, copied beside as
 * v1.1-recent-builds.sample.json) and against the v2 answers of the same fake.
 */

import { createFakeCircleCI } from '..';
import { callFake } from '../testing';
import { kind } from '../spec/v1shape';
import summarySample from '../spec/v1.1-recent-builds.sample.json';
import { V1_SHALLOW_KEYS } from './routes-v1';
import { v1Status } from './serialize-v1';

type Build = Record<string, unknown> & { build_num: number; status: string };

const START = Date.parse('2026-03-10T09:00:00Z');
const ROCKET = 'github/acme/rocket';

function setup() {
  const fake = createFakeCircleCI({ seed: 1, now: () => START, startTime: START });
  const get = async <T>(path: string, token?: string | null) => {
    const answer = await callFake({ fake, path, token });
    return { status: answer.status, body: answer.json<T>() };
  };
  return { fake, get };
}

/** The JobSummary / User property types of the v1.1 OpenAPI description. */
const SPEC_TYPES: Record<string, string> = {
  build_num: 'number',
  status: 'string',
  branch: 'string',
  vcs_revision: 'string',
  committer_name: 'string',
  committer_email: 'string',
  subject: 'string',
  start_time: 'string',
  stop_time: 'string',
};

describe('fake CircleCI v1.1 recent builds', () => {
  it('answers shallow summaries with the keys and value kinds of the real sample', async () => {
    const { get } = setup();
    const sample = (summarySample as Array<Record<string, unknown>>)[0];
    expect([...V1_SHALLOW_KEYS].sort()).toEqual(Object.keys(sample).sort());
    const { status, body } = await get<Build[]>(`v1.1/project/${ROCKET}?shallow=true&limit=30`);
    expect(status).toBe(200);
    expect(body.length).toBe(30);
    for (const build of body) {
      expect(Object.keys(build).sort()).toEqual(Object.keys(sample).sort());
      const kinds = Object.entries(sample)
        .filter(([key, value]) => value !== null && build[key] !== null)
        .map(([key, value]) => [key, kind(build[key]) === kind(value)]);
      expect(kinds.filter(([, same]) => !same)).toEqual([]);
    }
  });

  it('answers full summaries: every sample key, the spec types, commit details, no steps', async () => {
    const { get } = setup();
    const { body } = await get<Build[]>(`v1.1/project/${ROCKET}?limit=10&offset=0&circle-token=`);
    expect(body.length).toBe(10);
    for (const build of body) {
      for (const key of Object.keys(summarySample[0])) expect(Object.keys(build)).toContain(key);
      const wrong = Object.entries(SPEC_TYPES).filter(([key, type]) => build[key] !== null && typeof build[key] !== type);
      expect(wrong).toEqual([]);
      expect(build.steps).toBeUndefined();
      expect(Array.isArray(build.all_commit_details)).toBe(true);
    }
  });

  it('pages newest first with limit and offset (default 30, at most 100)', async () => {
    const { get } = setup();
    const all = (await get<Build[]>(`v1.1/project/${ROCKET}?limit=100`)).body;
    const nums = all.map(b => b.build_num);
    expect(nums).toEqual([...nums].sort((a, b) => b - a));
    expect(new Set(nums).size).toBe(nums.length);
    const first = (await get<Build[]>(`v1.1/project/${ROCKET}?limit=10&offset=0`)).body;
    const second = (await get<Build[]>(`v1.1/project/${ROCKET}?limit=10&offset=10`)).body;
    expect([...first, ...second].map(b => b.build_num)).toEqual(nums.slice(0, 20));
    expect((await get<Build[]>(`v1.1/project/${ROCKET}`)).body.length).toBe(Math.min(30, nums.length));
    expect((await get(`v1.1/project/${ROCKET}?limit=101`)).status).toBe(400);
    expect((await get(`v1.1/project/${ROCKET}?offset=-1`)).status).toBe(400);
    expect((await get(`v1.1/project/${ROCKET}?filter=nope`)).status).toBe(400);
    expect((await get(`v1.1/project/github/acme/nope`)).status).toBe(404);
    expect((await get(`v1.1/project/${ROCKET}`, null)).status).toBe(401);
  });

  it('filters running, completed, successful and failed builds', async () => {
    const { get } = setup();
    const all = (await get<Build[]>(`v1.1/project/${ROCKET}?limit=100`)).body;
    const running = (await get<Build[]>(`v1.1/project/${ROCKET}?limit=100&filter=running`)).body;
    expect(running.length).toBeGreaterThan(0);
    expect(running.every(b => b.status === 'running')).toBe(true);
    expect(running.length).toBe(all.filter(b => b.status === 'running').length);
    const done = (await get<Build[]>(`v1.1/project/${ROCKET}?limit=100&filter=completed`)).body;
    expect(done.every(b => b.lifecycle === 'finished')).toBe(true);
    const ok = (await get<Build[]>(`v1.1/project/${ROCKET}?limit=100&filter=successful`)).body;
    expect(ok.every(b => b.outcome === 'success')).toBe(true);
    const failed = (await get<Build[]>(`v1.1/project/${ROCKET}?limit=100&filter=failed`)).body;
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every(b => ['failed', 'infrastructure_fail', 'timedout'].includes(b.status))).toBe(true);
  });

  it('shows the same project as v2: same workflows, same job numbers, same statuses', async () => {
    const { get } = setup();
    const builds = (await get<Build[]>(`v1.1/project/${ROCKET}?limit=30`)).body;
    const pipelines = (await get<{ items: Array<{ id: string }> }>('v2/project/gh/acme/rocket/pipeline')).body;
    const v2Jobs = new Map<number, { status: string; workflow: string }>();
    for (const pl of pipelines.items) {
      const wfs = (await get<{ items: Array<{ id: string }> }>(`v2/pipeline/${pl.id}/workflow`)).body;
      for (const wf of wfs.items) {
        const jobs = (await get<{ items: Array<{ job_number?: number; status: string; type: string }> }>(`v2/workflow/${wf.id}/job`)).body;
        for (const j of jobs.items) {
          if (j.type === 'build' && j.job_number) v2Jobs.set(j.job_number, { status: j.status, workflow: wf.id });
        }
      }
    }
    let compared = 0;
    for (const build of builds) {
      const v2 = v2Jobs.get(build.build_num);
      if (!v2) continue; // a build of an older pipeline than the first v2 page
      compared++;
      expect([build.build_num, build.status]).toEqual([build.build_num, v1Status(v2.status).status]);
      expect((build.workflows as { workflow_id: string }).workflow_id).toBe(v2.workflow);
    }
    expect(compared).toBeGreaterThan(10);
  });
});

describe('fake CircleCI v1.1 me and retry', () => {
  it('answers me with the keys of the v1.1 User schema', async () => {
    const { fake, get } = setup();
    const { status, body } = await get<Record<string, unknown>>('v1.1/me');
    expect(status).toBe(200);
    for (const key of ['user_key_fingerprint', 'days_left_in_trial', 'trial_end', 'basic_email_prefs', 'admin', 'login'])
      expect(Object.keys(body)).toContain(key);
    expect(body.login).toBe((await get<{ login: string }>('v2/me')).body.login);
    fake.setQuirks({ meNameNull: true });
    expect((await get<Record<string, unknown>>('v1.1/me')).body.name).toBeNull();
  });

  it('answers the removed v1.1 retry with 404', async () => {
    const { fake } = setup();
    const builds = (await callFake({ fake, path: `v1.1/project/${ROCKET}?limit=1` })).json<Build[]>();
    const answer = await callFake({ fake, path: `v1.1/project/${ROCKET}/${builds[0].build_num}/retry`, method: 'POST' });
    expect(answer.status).toBe(404);
    expect(answer.json()).toEqual({ message: 'Not found' });
  });
});
