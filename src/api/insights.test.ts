import { createTestClient, setupFakeCircleCI } from '../__testUtils__/setup';
import { workflowSegment } from './insightsRequests';
import { workflowMetricsSchema } from '../common/schemas';

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
