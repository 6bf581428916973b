import { ResponseError } from '@backstage/errors';
import { english } from '../__testUtils__/english';
import { createFakeCircleCIHandlers } from '../../dev/fake-circleci';
import { API_BASE, createTestClient, setupFakeCircleCI } from '../__testUtils__/setup';
import { MalformedResponseError, RequestTimeoutError } from '@circleci-backstage/plugin-circleci-common';
import { describeError } from '../domain/errors';
import { InvalidProjectSlugError } from '@circleci-backstage/plugin-circleci-common';

const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';

function requests(filter?: RegExp) {
  return ctx.fake.requests.filter(r => !filter || filter.test(`${r.method} ${r.path}`));
}

describe('CircleCIClient reads', () => {
  it('pages pipelines 20 at a time until the last page', async () => {
    const client = createTestClient();
    const seen = new Set<string>();
    let total = 0;
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.listPipelines({ projectSlug: ROCKET, pageToken });
      page.items.forEach(p => seen.add(p.id));
      total += page.items.length;
      expect(page.items.length).toBeLessThanOrEqual(20);
      pageToken = page.nextPageToken;
      pages++;
    } while (pageToken && pages < 20);
    expect(pageToken).toBeUndefined();
    expect(pages).toBeGreaterThan(1);
    expect(requests()).toHaveLength(pages);
    expect(seen.size).toBe(total);
    expect(total).toBeGreaterThan(40);
  });

  it('filters by branch and sends the slug URL-encoded as written', async () => {
    const client = createTestClient();
    const page = await client.listPipelines({ projectSlug: ROCKET, branch: 'feature/login' });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every(p => p.vcs?.branch === 'feature/login')).toBe(true);
    expect(requests()[0].path).toBe('v2/project/gh/acme/rocket/pipeline?branch=feature%2Flogin');
  });

  it('reads a project with its default branch', async () => {
    const client = createTestClient();
    const project = await client.getProject({ projectSlug: ROCKET });
    expect(project.slug).toBe(ROCKET);
    expect(project.vcs_info.default_branch).toBe('main');
    expect(requests().map(r => `${r.method} ${r.path}`)).toEqual([`GET v2/project/${ROCKET}`]);
    await expect(client.getProject({ projectSlug: 'gh/acme/nope' })).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('goes through fetchApi with Accept: application/json', async () => {
    const calls: Array<{ url: string; accept: string | null }> = [];
    const client = createTestClient({
      fetch: (input, init) => {
        calls.push({ url: String(input), accept: new Headers(init?.headers).get('accept') });
        return fetch(input, init);
      },
    });
    await client.getMe();
    expect(calls).toEqual([
      { url: 'http://localhost:7007/api/proxy/circleci/api/v2/me', accept: 'application/json' },
    ]);
  });

  it('reads a pipeline, its workflows, jobs, job details, steps, tests, artifacts and logs', async () => {
    const client = createTestClient();
    const { failingJob } = ctx.fake.demo;
    const [pipeline] = (await client.listPipelines({ projectSlug: ROCKET })).items;
    expect((await client.getPipeline({ pipelineId: pipeline.id })).number).toBe(pipeline.number);
    const workflows = await client.listWorkflows({ pipelineId: pipeline.id });
    expect(workflows.items.length).toBeGreaterThan(0);
    const wf = await client.getWorkflow({ workflowId: failingJob.workflowId });
    expect(wf.id).toBe(failingJob.workflowId);
    const jobs = await client.listJobs({ workflowId: failingJob.workflowId });
    expect(jobs.items.map(j => j.job_number)).toContain(failingJob.jobNumber);
    const ref = { projectSlug: ROCKET, jobNumber: failingJob.jobNumber };
    expect((await client.getJob(ref)).number).toBe(failingJob.jobNumber);
    const steps = await client.getJobSteps(ref);
    expect(steps.steps.length).toBeGreaterThan(0);
    const log = await client.getStepOutput({ ...ref, containerIndex: 0, stepNumber: failingJob.step });
    for (const line of failingJob.failingLines) expect(log).toContain(line);
    await client.listTests(ref);
    await client.listArtifacts(ref);
    expect(requests().map(r => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, '{id}')}`)).toEqual([
      'GET v2/project/gh/acme/rocket/pipeline',
      'GET v2/pipeline/{id}',
      'GET v2/pipeline/{id}/workflow',
      'GET v2/workflow/{id}',
      'GET v2/workflow/{id}/job',
      `GET v2/project/gh/acme/rocket/job/${failingJob.jobNumber}`,
      `GET v1.1/project/github/acme/rocket/${failingJob.jobNumber}`,
      `GET private/output/raw/gh/acme/rocket/${failingJob.jobNumber}/output/0/${failingJob.step}`,
      `GET v2/project/gh/acme/rocket/${failingJob.jobNumber}/tests`,
      `GET v2/project/gh/acme/rocket/${failingJob.jobNumber}/artifacts`,
    ]);
  });

  it('maps v1.1 providers for circleci/ and bb/ projects', async () => {
    const client = createTestClient();
    const { standaloneFailingJob } = ctx.fake.demo;
    const steps = await client.getJobSteps({
      projectSlug: standaloneFailingJob.projectSlug,
      jobNumber: standaloneFailingJob.jobNumber,
    });
    expect(steps.buildNumber).toBe(standaloneFailingJob.jobNumber);
    expect(requests()[0].path).toMatch(/^v1\.1\/project\/circleci\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/\d+$/);
  });

  it('rejects malformed slugs and ids before sending anything', async () => {
    const client = createTestClient();
    await expect(client.listPipelines({ projectSlug: 'acme/rocket' })).rejects.toBeInstanceOf(
      InvalidProjectSlugError,
    );
    await expect(client.getWorkflow({ workflowId: '../../me' })).rejects.toThrow(/expected a UUID/);
    await expect(
      client.getJob({ projectSlug: ROCKET, jobNumber: -1 }),
    ).rejects.toThrow(/whole number/);
    expect(requests()).toHaveLength(0);
  });
});

describe('CircleCIClient errors', () => {
  it('throws ResponseError for 401 when the proxy sends no token', async () => {
    const client = createTestClient();
    ctx.server.use(
      ...createFakeCircleCIHandlers({ fake: ctx.fake, baseUrl: API_BASE, injectToken: false }),
    );
    const error = await client.getMe().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(english(describeError(error).message)).toMatch(/CIRCLECI_AUTH_TOKEN/);
  });

  it.each([
    ['html', /HTML page/],
    ['malformed-json', /not valid JSON/],
    ['wrong-type', /unexpected data/],
  ] as const)('reports a %s body clearly', async (mode, message) => {
    const client = createTestClient();
    ctx.fake.failPath({ match: 'pipeline', mode });
    const error = await client.listPipelines({ projectSlug: ROCKET }).catch(e => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.message).toMatch(message);
  });

  it('retries GETs on 503 at most 3 times in all', async () => {
    const client = createTestClient();
    ctx.fake.failPath({ match: 'v2/me', status: 503 });
    await expect(client.getMe()).rejects.toBeInstanceOf(ResponseError);
    expect(requests(/v2\/me/)).toHaveLength(3);
  });

  it('recovers when a retry succeeds, including after a dropped connection', async () => {
    const client = createTestClient();
    ctx.fake.failPath({ match: 'v2/me', mode: 'drop', times: 1 });
    ctx.fake.failPath({ match: 'v2/me', status: 429, retryAfter: '0', times: 1 });
    await expect(client.getMe()).resolves.toMatchObject({ login: expect.any(String) });
    expect(requests(/v2\/me/)).toHaveLength(3);
  });

  it('does not retry a long Retry-After and says when to retry', async () => {
    const client = createTestClient();
    ctx.fake.failPath({ match: 'v2/me', status: 429, retryAfter: '3600' });
    const error = await client.getMe().catch(e => e);
    expect(requests(/v2\/me/)).toHaveLength(1);
    expect(english(describeError(error).message)).toMatch(/rate limit.*retry at \d\d:\d\d/);
  });

  it.each([400, 401, 403, 404, 500])('does not retry HTTP %i', async status => {
    const client = createTestClient();
    ctx.fake.failPath({ match: 'v2/me', status });
    await expect(client.getMe()).rejects.toBeInstanceOf(ResponseError);
    expect(requests(/v2\/me/)).toHaveLength(1);
  });

  it('never retries a POST', async () => {
    const client = createTestClient();
    ctx.fake.failPath({ match: 'pipeline', method: 'POST', status: 503 });
    await expect(client.triggerPipeline({ projectSlug: ROCKET, branch: 'main' })).rejects.toBeInstanceOf(
      ResponseError,
    );
    expect(requests(/^POST/)).toHaveLength(1);
  });

  it('times out a request that takes too long', async () => {
    const client = createTestClient({ timeoutMs: 50 });
    ctx.fake.setLatency(1000);
    const error = await client.getMe().catch(e => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
  });

  it('cancels a request when the signal aborts', async () => {
    const client = createTestClient();
    ctx.fake.setLatency(200);
    const controller = new AbortController();
    const promise = client.getMe({ signal: controller.signal });
    controller.abort();
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('CircleCIClient retry policy, with fake timers', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  /** The gaps between the fake's arrival times of matching requests. */
  function gaps(pattern: RegExp) {
    const times = requests(pattern).map(r => r.time);
    return times.slice(1).map((t, i) => t - times[i]);
  }

  it('makes exactly 3 attempts with exponential backoff and jitter (default policy)', async () => {
    const client = createTestClient({ retry: {} });
    ctx.fake.failPath({ match: 'v2/me', status: 503 });
    const result = client.getMe().catch(e => e);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(await result).toBeInstanceOf(ResponseError);
    // base 500 ms, doubled; jitter keeps half plus random() of the other half.
    expect(gaps(/v2\/me/)).toEqual([375, 750]);
  });

  it('waits what Retry-After says, in seconds and as an HTTP date', async () => {
    const client = createTestClient({ retry: {} });
    ctx.fake.failPath({ match: 'v2/me', status: 429, retryAfter: '4', times: 1 });
    const at = new Date(Date.now() + 6000).toUTCString();
    ctx.fake.failPath({ match: 'v2/me', status: 503, retryAfter: at, times: 1 });
    const result = client.getMe();
    await jest.advanceTimersByTimeAsync(60_000);
    await expect(result).resolves.toMatchObject({ login: expect.any(String) });
    const [first, second] = gaps(/v2\/me/);
    expect(first).toBe(4000);
    // An HTTP date has whole seconds: the wait ends at that second.
    expect(second).toBeGreaterThanOrEqual(1000);
    expect(second).toBeLessThanOrEqual(2000);
  });
});

describe('CircleCIClient actions', () => {
  it('reruns a workflow, which really creates a new one', async () => {
    const client = createTestClient();
    const { failingJob } = ctx.fake.demo;
    const { workflowId } = await client.rerunWorkflow({
      workflowId: failingJob.workflowId,
      fromFailed: true,
    });
    if (!workflowId) throw new Error('the fake answers with the new workflow id');
    expect(workflowId).not.toBe(failingJob.workflowId);
    const rerun = await client.getWorkflow({ workflowId });
    const original = await client.getWorkflow({ workflowId: failingJob.workflowId });
    expect(rerun.name).toBe(original.name);
    expect(rerun.pipeline_id).toBe(original.pipeline_id);
  });

  it('approves a job on hold', async () => {
    const client = createTestClient();
    const { approval } = ctx.fake.demo;
    await client.approveJob({
      workflowId: approval.workflowId,
      approvalRequestId: approval.approvalRequestId,
    });
    const jobs = await client.listJobs({ workflowId: approval.workflowId });
    expect(jobs.items.find(j => j.id === approval.jobId)?.status).toBe('success');
  });

  it('cancels a workflow and triggers a pipeline', async () => {
    const client = createTestClient();
    const { approval } = ctx.fake.demo;
    await client.cancelWorkflow({ workflowId: approval.workflowId });
    expect((await client.getWorkflow({ workflowId: approval.workflowId })).status).toBe('canceled');
    const triggered = await client.triggerPipeline({ projectSlug: ROCKET, branch: 'main' });
    const newest = (await client.listPipelines({ projectSlug: ROCKET })).items[0];
    expect(newest.id).toBe(triggered.id);
  });

  it('leaves the entity of an action out in proxy mode: it is for the backend plugin only', async () => {
    const client = createTestClient();
    const { failingJob } = ctx.fake.demo;
    await client.rerunWorkflow({ workflowId: failingJob.workflowId, entityRef: 'component:default/rocket' });
    await client.triggerPipeline({ projectSlug: ROCKET, branch: 'main', entityRef: 'component:default/rocket' });
    expect(requests(/^POST/).map(r => r.path)).toEqual([
      `v2/workflow/${failingJob.workflowId}/rerun`,
      `v2/project/${ROCKET}/pipeline`,
    ]);
  });
});
