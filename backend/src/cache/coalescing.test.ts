/*
 * Coalescing and the concurrency bound: identical reads in flight at once
 * cost one upstream request; upstream requests at once stay bounded.
 */
import { startHarness, type Harness } from '../__testUtils__/harness';
import { MAX_UPSTREAM_CONCURRENCY } from '../upstream/client';

let h: Harness;

beforeEach(async () => {
  h = await startHarness({ fake: { latencyMs: 100 } });
});
afterEach(async () => {
  await h.stop();
});

describe('coalescing', () => {
  it('sends 20 concurrent identical reads upstream once', async () => {
    const { workflowId } = h.fake.demo.failingJob;
    const path = `v2/workflow/${workflowId}/job`;
    const answers = await Promise.all(Array.from({ length: 20 }, () => h.call(path)));
    expect(answers.map(a => a.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map(a => a.text)).size).toBe(1);
    // The jobs and, once, their workflow (it names the project the read check needs).
    expect(h.upstream().map(r => r.path)).toEqual([`v2/workflow/${workflowId}`, path]);
  });

  it('sends 10 concurrent identical aggregates upstream as one', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.call('pipelines?project=gh/acme/rocket')));
    expect(answers.map(a => a.status)).toEqual(Array(10).fill(200));
    const paths = h.upstream().map(r => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.filter(p => p.startsWith('v2/project/'))).toHaveLength(1);
    expect(paths.filter(p => p.startsWith('v2/pipeline/')).length).toBeGreaterThanOrEqual(20);
  });

  it(`keeps at most ${MAX_UPSTREAM_CONCURRENCY} upstream requests in flight at once`, async () => {
    const n = MAX_UPSTREAM_CONCURRENCY;
    const pipelines = h.fake.state.findProject({ vcs: 'gh', org: 'acme', repo: 'rocket' })!.pipelines.slice(0, n + 6);
    const answers = await Promise.all(pipelines.map(p => h.call(`v2/pipeline/${p.id}`)));
    expect(answers.every(a => a.status === 200)).toBe(true);
    const arrivals = h.upstream().map(r => r.time).sort((a, b) => a - b);
    expect(arrivals).toHaveLength(n + 6);
    // With 100 ms per request and n slots, request n + 1 starts when the 1st is answered.
    for (let i = 0; i + n < arrivals.length; i += 1) {
      expect(arrivals[i + n] - arrivals[i]).toBeGreaterThanOrEqual(90);
    }
  });
});
