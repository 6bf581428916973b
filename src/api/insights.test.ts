import { http, HttpResponse } from 'msw';
import { API_BASE, createTestClient, setupFakeCircleCI } from '../__testUtils__/setup';
import { callFake } from '../../dev/fake-circleci/testing';
import { encodeParam } from '@circleci-backstage/plugin-circleci-common';
import { workflowMetricsSchema } from '@circleci-backstage/plugin-circleci-common';

const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';

function paths(): string[] {
  return ctx.fake.requests.map(r => `${r.method} ${r.path}`);
}

/**
 * The finished runs of a workflow on a branch, counted from every page of
 * the pipelines list and their workflow lists (`not_run` is no run).
 */
async function countFromList(options: {
  client: ReturnType<typeof createTestClient>;
  branch: string;
  workflowName: string;
}): Promise<{ total: number; ok: number }> {
  const { client, branch, workflowName } = options;
  let total = 0;
  let ok = 0;
  let pageToken: string | undefined;
  do {
    const page = await client.listPipelines({ projectSlug: ROCKET, branch, pageToken });
    for (const pipeline of page.items) {
      for (const wf of (await client.listWorkflows({ pipelineId: pipeline.id })).items) {
        if (wf.name !== workflowName || !wf.stopped_at || wf.status === 'not_run') continue;
        total++;
        if (wf.status === 'success') ok++;
      }
    }
    pageToken = page.nextPageToken;
  } while (pageToken);
  return { total, ok };
}

describe('Insights client', () => {
  it('sends the spec query names and agrees with the pipelines list', async () => {
    const client = createTestClient();
    const page = await client.getWorkflowMetrics({
      projectSlug: ROCKET,
      branch: 'feature/login',
      reportingWindow: 'last-7-days',
    });
    expect(paths()).toEqual([
      'GET v2/insights/gh/acme/rocket/workflows?branch=feature%2Flogin&reporting-window=last-7-days',
    ]);
    const metrics = page.items.find(w => w.name === 'build-and-test')?.metrics;
    expect(metrics?.total_runs).toBeGreaterThan(0);
    const counted = await countFromList({ client, branch: 'feature/login', workflowName: 'build-and-test' });
    expect(metrics?.total_runs).toBe(counted.total);
    expect(metrics?.success_rate).toBeCloseTo(counted.ok / counted.total, 6);
  });

  it('agrees with every page of the pipelines list on the default branch over 30 days', async () => {
    const client = createTestClient();
    const page = await client.getWorkflowMetrics({ projectSlug: ROCKET, reportingWindow: 'last-30-days' });
    // More runs of build-and-test than one page of pipelines holds.
    expect((await countFromList({ client, branch: 'main', workflowName: 'build-and-test' })).total).toBeGreaterThan(20);
    for (const workflowName of ['build-and-test', 'build-test-deploy']) {
      const metrics = page.items.find(w => w.name === workflowName)?.metrics;
      const counted = await countFromList({ client, branch: 'main', workflowName });
      // Some runs failed.
      expect(counted.ok).toBeLessThan(counted.total);
      expect([workflowName, metrics?.total_runs, metrics?.successful_runs]).toEqual([
        workflowName,
        counted.total,
        counted.ok,
      ]);
      expect(metrics?.success_rate).toBeCloseTo(counted.ok / counted.total, 6);
    }
  });

  it('sends all-branches instead of a branch, and encodes workflow names as one segment', async () => {
    const client = createTestClient();
    await client.getWorkflowSummary({ projectSlug: ROCKET, workflowName: 'a b', allBranches: true });
    await client.listWorkflowRuns({ projectSlug: ROCKET, workflowName: 'build-and-test', pageToken: 'x' });
    expect(paths()).toEqual([
      'GET v2/insights/gh/acme/rocket/workflows/a%20b/summary?all-branches=true',
      'GET v2/insights/gh/acme/rocket/workflows/build-and-test?page-token=x',
    ]);
    const workflowSegment = (value: string) => encodeParam({ param: 'workflowName', kind: 'name', value });
    expect(workflowSegment('deploy/eu west')).toBe('deploy%2Feu%20west');
    expect(() => workflowSegment('..')).toThrow(TypeError);
    expect(() => workflowSegment('')).toThrow(TypeError);
  });

  it('reads the flaky test, branches, jobs and test metrics of the demo project', async () => {
    const client = createTestClient();
    const flaky = await client.listFlakyTests({ projectSlug: ROCKET });
    expect(flaky['flaky-tests'].map(t => t['test-name'])).toContain('engine › thrust › ramps up');
    expect(flaky['total-flaky-tests']).toBe(flaky['flaky-tests'].length);
    expect(await client.listInsightsBranches({ projectSlug: ROCKET })).toContain('main');
    const jobs = await client.getJobMetrics({ projectSlug: ROCKET, workflowName: 'build-and-test', allBranches: true });
    expect(jobs.map(j => j.name)).toContain('test');
    const tests = await client.getTestMetrics({ projectSlug: ROCKET, workflowName: 'build-and-test', allBranches: true });
    expect(tests.most_failed_tests?.length).toBeGreaterThan(0);
  });

  describe('flaky tests, in both spellings', () => {
    /** One flaky test with every field, as the spec spells the keys. */
    const SPEC_TEST = {
      'test-name': 'engine › thrust › ramps up',
      classname: 'engine.thrust',
      file: 'src/engine/thrust.test.ts',
      source: null,
      'job-name': 'test',
      'job-number': 4321,
      'workflow-name': 'build-and-test',
      'workflow-id': 'b7f1a7b4-0b8e-4f5c-9d3a-2c1f0e9d8c7b',
      'workflow-created-at': '2026-03-10T08:12:00Z',
      'pipeline-number': 1260,
      'times-flaked': 3,
      'time-wasted': 412,
    };
    /** The same test as real CircleCI spells the keys. */
    const REAL_TEST = Object.fromEntries(
      Object.entries(SPEC_TEST).map(([key, value]) => [key.replace(/-/g, '_'), value]),
    );
    const answerFlaky = (body: object) =>
      ctx.server.use(
        http.get(`${API_BASE}/v2/insights/${ROCKET}/flaky-tests`, () => HttpResponse.json(body)),
      );
    const { source: _source, ...EXPECTED } = SPEC_TEST;

    it("reads real CircleCI's snake_case body from the fake", async () => {
      const raw = (await callFake({ fake: ctx.fake, path: `v2/insights/${ROCKET}/flaky-tests` })).json<object>();
      expect(Object.keys(raw).sort()).toEqual(['flaky_tests', 'total_flaky_tests']);
      const flaky = await createTestClient().listFlakyTests({ projectSlug: ROCKET });
      expect(flaky['flaky-tests'].length).toBeGreaterThan(0);
      const thrust = flaky['flaky-tests'].find(t => t['test-name'] === 'engine › thrust › ramps up');
      expect(thrust).toMatchObject({ 'job-name': 'test', 'workflow-name': 'build-and-test' });
      expect(thrust?.['job-number']).toBeGreaterThan(0);
      expect(thrust?.['pipeline-number']).toBeGreaterThan(0);
      expect(thrust?.['times-flaked']).toBeGreaterThan(0);
      expect(flaky['total-flaky-tests']).toBe(flaky['flaky-tests'].length);
    });

    it('reads a snake_case body field by field', async () => {
      answerFlaky({ flaky_tests: [REAL_TEST], total_flaky_tests: 1 });
      const flaky = await createTestClient().listFlakyTests({ projectSlug: ROCKET });
      expect(flaky).toEqual({ 'flaky-tests': [EXPECTED], 'total-flaky-tests': 1 });
    });

    it("reads the spec's hyphenated body to the same value", async () => {
      answerFlaky({ 'flaky-tests': [SPEC_TEST], 'total-flaky-tests': 1 });
      const flaky = await createTestClient().listFlakyTests({ projectSlug: ROCKET });
      expect(flaky).toEqual({ 'flaky-tests': [EXPECTED], 'total-flaky-tests': 1 });
    });

    it('prefers the hyphenated key when a body has both, and still rejects a body with neither', async () => {
      answerFlaky({ 'flaky-tests': [SPEC_TEST], flaky_tests: [], total_flaky_tests: 7 });
      const client = createTestClient();
      const both = await client.listFlakyTests({ projectSlug: ROCKET });
      expect(both).toEqual({ 'flaky-tests': [EXPECTED], 'total-flaky-tests': 7 });
      answerFlaky({ tests: [REAL_TEST] });
      await expect(client.listFlakyTests({ projectSlug: ROCKET })).rejects.toThrow(/flaky-tests/);
    });
  });

  it('reads partial metrics as undefined, never NaN', () => {
    const parsed = workflowMetricsSchema.parse({
      name: 'w',
      metrics: { success_rate: 'x', total_runs: NaN, failed_runs: 2, duration_metrics: null },
    });
    expect(parsed.metrics.success_rate).toBeUndefined();
    expect(parsed.metrics.total_runs).toBeUndefined();
    expect(parsed.metrics.failed_runs).toBe(2);
    expect(parsed.metrics.duration_metrics.p95).toBeUndefined();
    expect(workflowMetricsSchema.parse({ name: 'w' }).metrics.mttr).toBeUndefined();
    expect(() => workflowMetricsSchema.parse({ metrics: {} })).toThrow();
  });

  it('shows a duration that got worse and one that got better in the summaries', async () => {
    const client = createTestClient();
    const { items } = await client.getWorkflowMetrics({ projectSlug: ROCKET, allBranches: true });
    const trends = await Promise.all(
      items.map(w => client.getWorkflowSummary({ projectSlug: ROCKET, workflowName: w.name, allBranches: true })),
    );
    const p95 = trends.map(t => t.trends.p95_duration_secs ?? 0);
    expect(p95.some(v => v > 0)).toBe(true);
  });
});
