/*
 * The mirror: each kind of read answers what CircleCI answers, below
 * /api/circleci, with the token kept on the server.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { startHarness, type Harness } from '../__testUtils__/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => {
  h.fake.clearFailures();
  h.clear();
});

/** What the fake answers directly for the same relative path. */
async function direct(path: string): Promise<{ status: number; text: string }> {
  const response = await h.fake.handle(
    new Request(`http://circleci.test/api/${path}`, { headers: { 'Circle-Token': h.fake.token } }),
  );
  return { status: response.status, text: await response.text() };
}

describe('GET mirror', () => {
  it('answers each kind of read as CircleCI does, with one upstream request each', async () => {
    const { failingJob, slashWorkflow } = h.fake.demo;
    const pipelineId = h.fake.state.findProject({ vcs: 'gh', org: 'acme', repo: 'rocket' })!.pipelines[0].id;
    const paths = [
      'v2/me',
      'v2/project/gh/acme/rocket',
      'v2/project/gh/acme/rocket/pipeline',
      `v2/pipeline/${pipelineId}`,
      `v2/pipeline/${pipelineId}/workflow`,
      `v2/workflow/${failingJob.workflowId}`,
      `v2/workflow/${failingJob.workflowId}/job`,
      `v2/project/gh/acme/rocket/job/${failingJob.jobNumber}`,
      `v2/project/gh/acme/rocket/${failingJob.jobNumber}/tests`,
      `v2/project/gh/acme/rocket/${failingJob.jobNumber}/artifacts`,
      `v1.1/project/github/acme/rocket/${failingJob.jobNumber}`,
      `private/output/raw/gh/acme/rocket/${failingJob.jobNumber}/output/0/${failingJob.step}`,
      'v2/insights/gh/acme/rocket/workflows?reporting-window=last-30-days',
      `v2/insights/gh/acme/rocket/workflows/${encodeURIComponent(slashWorkflow.name)}/summary`,
      'v2/insights/gh/acme/rocket/flaky-tests',
    ];
    for (const path of paths) {
      h.clear();
      const answer = await h.call(path);
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
      expect(answer.headers['x-circleci-cache']).toBe('miss');
      expect(h.upstream().map(r => `${r.method} ${r.path}`)).toEqual([`GET ${path}`]);
      expect(answer.text).toBe((await direct(path)).text);
    }
    const log = await h.call(`private/output/raw/gh/acme/rocket/${failingJob.jobNumber}/output/0/${failingJob.step}`);
    expect(log.headers['content-type']).toMatch(/^text\/plain/);
    expect(log.text).toContain(failingJob.failingLines[0]);
  });

  it('forwards only the query names the endpoint defines', async () => {
    const answer = await h.call('v2/project/gh/acme/rocket/pipeline?branch=main&evil=1&circle-token=x');
    expect(answer.status).toBe(200);
    expect(h.upstream().map(r => r.path)).toEqual(['v2/project/gh/acme/rocket/pipeline?branch=main']);
  });

  it("forwards CircleCI's refusals as they came, and does not cache them", async () => {
    const path = 'v2/workflow/00000000-0000-4000-8000-000000000000';
    const first = await h.call(path);
    expect(first.status).toBe(404);
    await h.call(path);
    expect(h.upstream()).toHaveLength(2);
    expect(first.text).toBe((await direct(path)).text);
  });

  it('keeps the token on the server', async () => {
    const answer = await h.call('v2/me');
    expect(JSON.stringify(answer.headers)).not.toContain(h.fake.token);
    expect(answer.text).not.toContain(h.fake.token);
  });

  it('needs a Backstage user or service principal', async () => {
    const path = 'v2/project/bb/acme/bucket/pipeline';
    const none = await h.call(path, { headers: { authorization: mockCredentials.none.header() } });
    expect(none.status).toBe(401);
    const bad = await h.call(path, { headers: { authorization: mockCredentials.user.invalidHeader() } });
    expect(bad.status).toBe(401);
    const service = await h.call(path, { headers: { authorization: mockCredentials.service.header() } });
    expect(service.status).toBe(200);
    const user = await h.call(path, { headers: { authorization: mockCredentials.user.header() } });
    expect(user.status).toBe(200);
    expect(h.upstream()).toHaveLength(1);
  });

  it('answers 503 with a clear message when no token is configured, sending nothing', async () => {
    const bare = await startHarness({ token: null });
    try {
      const answer = await bare.call('v2/me');
      expect(answer.status).toBe(503);
      expect(answer.json().message).toMatch(/circleci\.token/);
      expect(bare.upstream()).toHaveLength(0);
    } finally {
      await bare.stop();
    }
  });

  it('retries a GET once after a 5xx, and answers the 5xx when it stays', async () => {
    h.fake.failPath({ match: 'GET v2/project/gh/acme/rocket/pipeline/mine', status: 502, times: 1 });
    const once = await h.call('v2/project/gh/acme/rocket/pipeline/mine');
    expect(once.status).toBe(200);
    expect(h.upstream()).toHaveLength(2);
    h.clear();
    h.fake.failPath({ match: 'GET v2/project/gh/acme/empty', status: 500 });
    const twice = await h.call('v2/project/gh/acme/empty');
    expect(twice.status).toBe(500);
    expect(h.upstream()).toHaveLength(2);
  });
});
