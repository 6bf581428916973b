/**
 * @jest-environment node
 */

/*
 * Behaviour of the fake CircleCI: paging, filters, auth, errors, failure
 * knobs, latency, logs and determinism. Writes are in fakeCircleCI.actions.test.ts.
 */

import { createFakeCircleCI, HUGE_LOG_LINES, type FakeCircleCI } from '..';
import { callFake } from '../testing';

type Page = { items: Array<Record<string, unknown>>; next_page_token: string | null };

const START = Date.parse('2026-03-10T09:00:00Z');
const ROCKET = 'gh/acme/rocket';

function setup(options: { seed?: number } = {}) {
  const clock = { t: START };
  const fake = createFakeCircleCI({
    seed: options.seed ?? 1,
    now: () => clock.t,
    startTime: START,
  });
  const get = async <T = Page>(path: string) => (await callFake({ fake, path })).json<T>();
  return { fake, clock, get };
}

async function allPipelines(fake: FakeCircleCI, query = '') {
  const pages: Page[] = [];
  let token: string | null = null;
  do {
    const q: string = [query, token ? `page-token=${encodeURIComponent(token)}` : '']
      .filter(Boolean)
      .join('&');
    const page: Page = (
      await callFake({ fake, path: `v2/project/${ROCKET}/pipeline${q ? `?${q}` : ''}` })
    ).json<Page>();
    pages.push(page);
    token = page.next_page_token;
  } while (token);
  return pages;
}

describe('fake CircleCI: reads', () => {
  it('pages pipelines 20 at a time, newest first, until next_page_token is null', async () => {
    const { fake } = setup();
    const pages = await allPipelines(fake);
    expect(pages.map(p => p.items.length)).toEqual([20, 20, 20, 5]);
    const numbers = pages.flatMap(p => p.items.map(i => i.number as number));
    expect(numbers[0]).toBe(1265);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(new Set(numbers).size).toBe(65);
    expect(pages[3].next_page_token).toBeNull();
  });

  it('filters by branch, including the hostile branch name', async () => {
    const { fake } = setup();
    const main = (await allPipelines(fake, 'branch=main')).flatMap(p => p.items);
    expect(main.length).toBeGreaterThan(20);
    expect(main.every(p => (p.vcs as { branch: string }).branch === 'main')).toBe(true);
    const hostile = (
      await allPipelines(fake, new URLSearchParams({ branch: fake.demo.hostileBranch }).toString())
    )[0];
    expect(hostile.items.map(p => p.number)).toEqual([fake.demo.pipelines.hostileBranch]);
  });

  it('accepts gh/github, bb/bitbucket and URL-encoded slugs; 404s unknown things', async () => {
    const { fake, get } = setup();
    for (const slug of ['github/acme/rocket', 'gh%2Facme%2Frocket', 'GH/Acme/Rocket']) {
      expect((await get(`v2/project/${slug}/pipeline`)).items).toHaveLength(20);
    }
    expect((await get('v2/project/bitbucket/acme/bucket/pipeline')).items).toHaveLength(3);
    expect(await get('v2/project/gh/acme/empty/pipeline')).toEqual({
      items: [],
      next_page_token: null,
    });
    const notFound = async (path: string, message: string) => {
      const answer = await callFake({ fake, path });
      expect([path, answer.status, answer.json()]).toEqual([path, 404, { message }]);
    };
    await notFound('v2/project/gh/acme/nope/pipeline', 'Project not found');
    await notFound('v2/project/gh/acme/nope/job/1', 'Project not found');
    await notFound(`v2/project/${ROCKET}/job/999999`, 'Not found');
    await notFound('v2/workflow/00000000-0000-4000-8000-000000000000', 'Not found');
    await notFound('v2/pipeline/00000000-0000-4000-8000-000000000000/workflow', 'Not found');
    await notFound('v2/no/such/route', 'Not found');
  });

  it('answers 401 like CircleCI without a token or with a wrong one', async () => {
    const { fake } = setup();
    for (const token of [null, 'wrong']) {
      const answer = await callFake({ fake, path: 'v2/me', token });
      expect([answer.status, answer.json()]).toEqual([401, { message: 'You must log in first.' }]);
    }
    expect((await callFake({ fake, path: 'v2/me' })).json()).toMatchObject({
      login: 'ada-lovelace',
    });
  });

  it('covers every workflow status in the newest 20 pipelines, 3 of them running', async () => {
    const { clock, get } = setup();
    const statuses = async () => {
      const out: string[] = [];
      for (const p of (await get(`v2/project/${ROCKET}/pipeline`)).items) {
        out.push(...(await get(`v2/pipeline/${p.id}/workflow`)).items.map(w => w.status as string));
      }
      return out;
    };
    const atStart = await statuses();
    for (const s of [
      'success',
      'failed',
      'running',
      'on_hold',
      'canceled',
      'failing',
      'not_run',
      'error',
      'unauthorized',
    ]) {
      expect([s, atStart.includes(s)]).toEqual([s, true]);
    }
    expect(atStart.filter(s => s === 'running')).toHaveLength(3);
    clock.t = START + 10 * 60_000;
    const later = await statuses();
    expect(later.filter(s => s === 'running' || s === 'failing')).toHaveLength(0);
    expect(later.filter(s => s === 'on_hold')).toHaveLength(1);
  });

  it('pages workflows and jobs 20 at a time', async () => {
    const { fake, get } = setup();
    const many =
      fake.findWorkflow({ projectSlug: ROCKET, pipelineNumber: fake.demo.pipelines.manyJobs }) ??
      '';
    const first = await get(`v2/workflow/${many}/job`);
    expect(first.items).toHaveLength(20);
    const second = await get(`v2/workflow/${many}/job?page-token=${first.next_page_token}`);
    expect(second.items.length).toBeGreaterThan(0);
    expect(second.next_page_token).toBeNull();
    const pipeline = (
      await get<{ id: string }>(
        `v2/project/${ROCKET}/pipeline/${fake.demo.pipelines.manyWorkflows}`,
      )
    ).id;
    const wfs = await get(`v2/pipeline/${pipeline}/workflow`);
    expect(wfs.items).toHaveLength(20);
    expect(
      (await get(`v2/pipeline/${pipeline}/workflow?page-token=${wfs.next_page_token}`)).items,
    ).toHaveLength(2);
    expect(
      (await callFake({ fake, path: `v2/workflow/${many}/job?page-token=garbage` })).status,
    ).toBe(400);
  });

  it('serves v1.1 steps and logs: 16 containers, the failing line, the missing log, no-output steps', async () => {
    const { fake, get } = setup();
    const { parallelJob, failingJob, missingLogJob, noOutputStep } = fake.demo;
    const v1 = await get<{
      parallel: number;
      steps: Array<{ actions: Array<{ index: number; step: number; status: string }> }>;
    }>(`v1.1/project/github/acme/rocket/${parallelJob.jobNumber}`);
    expect(v1.parallel).toBe(16);
    expect(v1.steps.every(s => s.actions.length === 16)).toBe(true);
    const failedActions = v1.steps.flatMap(s => s.actions).filter(a => a.status === 'failed');
    expect(failedActions.map(a => [a.index, a.step])).toEqual([[11, parallelJob.step]]);
    const log = (path: string) => callFake({ fake, path: `private/output/raw/${path}` });
    const shardLog = await log(
      `gh/acme/rocket/${parallelJob.jobNumber}/output/11/${parallelJob.step}`,
    );
    expect(shardLog.text).toContain('FAIL src/modules/module-11.test.ts');
    const failing = await log(
      `github/acme/rocket/${failingJob.jobNumber}/output/0/${failingJob.step}`,
    );
    expect(failing.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(failing.text).toContain('\x1b[');
    for (const line of failingJob.failingLines) expect(failing.text).toContain(line);
    expect(
      (await log(`gh/acme/rocket/${missingLogJob.jobNumber}/output/0/${missingLogJob.step}`))
        .status,
    ).toBe(404);
    const empty = await log(
      `gh/acme/rocket/${noOutputStep.jobNumber}/output/0/${noOutputStep.step}`,
    );
    expect([empty.status, empty.text]).toEqual([200, '']);
    expect(
      (await log(`gh/acme/rocket/${failingJob.jobNumber}/output/1/${failingJob.step}`)).status,
    ).toBe(404);
    const standalone = fake.demo.standaloneFailingJob;
    const gitlab = await log(
      `${standalone.projectSlug}/${standalone.jobNumber}/output/0/${standalone.step}`,
    );
    for (const line of standalone.failingLines) expect(gitlab.text).toContain(line);
  });

  it('serves the huge log (~200,000 lines, ~20 MB)', async () => {
    const { fake } = setup();
    const { jobNumber, step } = fake.demo.hugeLogJob;
    const answer = await callFake({
      fake,
      path: `private/output/raw/gh/acme/rocket/${jobNumber}/output/0/${step}`,
    });
    expect(answer.status).toBe(200);
    const lines = answer.text.split('\n').length - 1;
    expect(lines).toBe(HUGE_LOG_LINES);
    expect(answer.text.length).toBeGreaterThan(19_000_000);
  });

  it('serves tests (success, failure, skipped) and artifacts (incl. a javascript: url)', async () => {
    const { fake, get } = setup();
    const tests = await get(`v2/project/${ROCKET}/${fake.demo.failingJob.jobNumber}/tests`);
    expect(new Set(tests.items.map(t => t.result))).toEqual(
      new Set(['success', 'failure', 'skipped']),
    );
    expect(tests.items.find(t => t.result === 'failure')?.message).toContain(
      'Error: expected 42 but got 41',
    );
    const shard = await get(`v2/project/${ROCKET}/${fake.demo.parallelJob.jobNumber}/tests`);
    expect(shard.items).toHaveLength(100);
    expect(shard.next_page_token).not.toBeNull();
    const artifacts = await get(
      `v2/project/${ROCKET}/${fake.demo.hostileArtifactsJob.jobNumber}/artifacts`,
    );
    expect(artifacts.items.map(a => a.url)).toContain(fake.demo.hostileArtifactUrl);
  });

  it('is deterministic for a seed; job numbers do not depend on the seed', async () => {
    const a = setup({ seed: 7 });
    const b = setup({ seed: 7 });
    const c = setup({ seed: 8 });
    const body = async (s: ReturnType<typeof setup>) => {
      const path = `v2/workflow/${s.fake.demo.approval.workflowId}/job`;
      return (await callFake({ fake: s.fake, path })).text;
    };
    expect(await body(a)).toBe(await body(b));
    expect(await body(a)).not.toBe(await body(c));
    expect(JSON.stringify((await allPipelines(a.fake)).map(p => p.items))).toBe(
      JSON.stringify((await allPipelines(b.fake)).map(p => p.items)),
    );
    expect(c.fake.demo.failingJob.jobNumber).toBe(a.fake.demo.failingJob.jobNumber);
  });
});

describe('pipeline/mine', () => {
  it("lists the guest user's pipelines only, newest first, paged like the project list", async () => {
    const { get } = setup();
    const me = await get<{ login: string }>('v2/me');
    const mine: Array<Record<string, unknown>> = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const query: string = token ? `?page-token=${encodeURIComponent(token)}` : '';
      const page: Page = await get(`v2/project/${ROCKET}/pipeline/mine${query}`);
      expect(page.items.length).toBeLessThanOrEqual(20);
      mine.push(...page.items);
      token = page.next_page_token;
      pages++;
    } while (token && pages < 10);
    expect(token).toBeNull();
    const all = (await get(`v2/project/${ROCKET}/pipeline`)).items;
    const logins = mine.map(p => (p.trigger as { actor: { login: string } }).actor.login);
    expect(new Set(logins)).toEqual(new Set([me.login]));
    const numbers = mine.map(p => p.number as number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    // Of the newest 20 pipelines, exactly those triggered by the guest.
    const newest = all.filter(p => (p.trigger as { actor: { login: string } }).actor.login === me.login);
    expect(mine.slice(0, newest.length).map(p => p.id)).toEqual(newest.map(p => p.id));
    expect(mine.length).toBeGreaterThan(newest.length - 1);
  });
});
