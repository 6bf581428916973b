/*
 * The actions switch: 403 for everyone while off; while on, each action is
 * sent upstream exactly once (never retried), any 2xx is a success, and the
 * answers it makes wrong are dropped from the cache. Bad bodies get a clear
 * 4xx and send nothing. (Who may act: access/actionAccess.test.ts.)
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { rocketActionPaths, startHarness, type Harness } from '../__testUtils__/harness';

const posts = (h: Harness) => h.upstream().filter(r => r.method === 'POST');
/** The entity every action here is done through. */
const AS_ROCKET = '?entity=component:default/rocket';

describe('actions while circleci.actions.enabled is false', () => {
  it('answers 403 to every action, whoever calls, and sends nothing', async () => {
    const h = await startHarness();
    try {
      const paths = rocketActionPaths(h.fake);
      for (const path of paths) {
        for (const authorization of [mockCredentials.user.header(), mockCredentials.service.header()]) {
          const answer = await h.call(path, { method: 'POST', body: {}, headers: { authorization } });
          expect({ path, status: answer.status }).toEqual({ path, status: 403 });
          expect(answer.json().message).toMatch(/circleci\.actions\.enabled/);
        }
      }
      const unknown = await h.call('v2/workflow/x/delete', { method: 'POST', body: {} });
      expect(unknown.status).toBe(404);
      expect(h.upstream()).toHaveLength(0);
      // Every attempt on an action path is audited, refused; the unknown path is not an action.
      const audits = h.audits();
      expect(audits).toHaveLength(paths.length * 2);
      expect(audits.every(a => a.eventId === 'action' && a.severityLevel === 'medium' && a.outcome === 'fail')).toBe(true);
      expect(audits.map(a => a.outcomeMeta)).toEqual(Array(paths.length * 2).fill({ allowed: false, status: 403, reason: 'actions-off' }));
    } finally {
      await h.stop();
    }
  });
});

describe('actions while circleci.actions.enabled is true', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ actionsEnabled: true });
  });
  afterEach(async () => {
    await h.stop();
  });

  it('sends each action upstream exactly once and answers what CircleCI answers', async () => {
    const { failingJob, approval } = h.fake.demo;
    const rerun = await h.call(`v2/workflow/${failingJob.workflowId}/rerun${AS_ROCKET}`, { method: 'POST', body: { from_failed: true } });
    expect(rerun.status).toBeGreaterThanOrEqual(200);
    expect(rerun.status).toBeLessThan(300);
    expect(rerun.json().workflow_id).toEqual(expect.any(String));
    const approve = await h.call(`v2/workflow/${approval.workflowId}/approve/${approval.approvalRequestId}${AS_ROCKET}`, { method: 'POST' });
    expect(approve.status).toBe(202);
    const trigger = await h.call(`v2/project/gh/acme/rocket/pipeline${AS_ROCKET}`, { method: 'POST', body: { branch: 'main' } });
    expect(trigger.status).toBe(201);
    expect(posts(h).map(r => r.path)).toEqual([
      `v2/workflow/${failingJob.workflowId}/rerun`,
      `v2/workflow/${approval.workflowId}/approve/${approval.approvalRequestId}`,
      'v2/project/gh/acme/rocket/pipeline',
    ]);
  });

  it('takes any 2xx as a success, including {"message":"Accepted."}', async () => {
    h.fake.setQuirks({ legacyAcceptedPosts: true });
    const answer = await h.call(`v2/workflow/${h.fake.demo.failingJob.workflowId}/cancel${AS_ROCKET}`, { method: 'POST' });
    expect(answer.status).toBe(202);
    expect(answer.json()).toEqual({ message: 'Accepted.' });
  });

  it('never retries an action, not even after a 5xx', async () => {
    h.fake.failPath({ match: 'POST v2/workflow', status: 503 });
    const answer = await h.call(`v2/workflow/${h.fake.demo.failingJob.workflowId}/rerun${AS_ROCKET}`, { method: 'POST', body: {} });
    expect(answer.status).toBe(503);
    expect(posts(h)).toHaveLength(1);
    const [audit] = h.audits();
    expect(audit).toMatchObject({ outcome: 'fail', outcomeMeta: { allowed: true, circleciStatus: 503 } });
  });

  it('sends a double submit once', async () => {
    h.fake.setLatency(100);
    const path = `v2/workflow/${h.fake.demo.failingJob.workflowId}/rerun${AS_ROCKET}`;
    const [a, b] = await Promise.all([1, 2].map(() => h.call(path, { method: 'POST', body: { from_failed: true } })));
    expect(a.text).toBe(b.text);
    expect(posts(h)).toHaveLength(1);
    // Two attempts, two audit events, both sent (as one).
    expect(h.audits().map(e => e.outcomeMeta?.allowed)).toEqual([true, true]);
  });

  it('drops the cached answers an action makes wrong', async () => {
    const { workflowId } = h.fake.demo.failingJob;
    const workflow = (await h.call(`v2/workflow/${workflowId}`)).json<{ pipeline_id: string }>();
    const listPath = `v2/pipeline/${workflow.pipeline_id}/workflow`;
    const before = (await h.call(listPath)).json<{ items: unknown[] }>();
    await h.call(`v2/project/gh/acme/rocket/pipeline`);
    h.clear();
    const rerun = await h.call(`v2/workflow/${workflowId}/rerun${AS_ROCKET}`, { method: 'POST', body: {} });
    expect(rerun.status).toBeLessThan(300);
    const after = await h.call(listPath);
    expect(after.headers['x-circleci-cache']).toBe('miss');
    expect(after.json<{ items: unknown[] }>().items).toHaveLength(before.items.length + 1);
    expect((await h.call(`v2/workflow/${workflowId}`)).headers['x-circleci-cache']).toBe('miss');
    await h.call(`v2/project/gh/acme/rocket/pipeline${AS_ROCKET}`, { method: 'POST', body: { branch: 'main' } });
    expect((await h.call('v2/project/gh/acme/rocket/pipeline')).headers['x-circleci-cache']).toBe('miss');
  });

  it('refuses bodies that are not a JSON object, or too large, with a clear 4xx, sending nothing', async () => {
    const path = `v2/workflow/${h.fake.demo.failingJob.workflowId}/rerun${AS_ROCKET}`;
    const json = { 'content-type': 'application/json' };
    const cases: Array<{ body: string; headers: Record<string, string>; status: number }> = [
      { body: 'not json', headers: json, status: 400 },
      { body: '{"from_failed": tru', headers: json, status: 400 },
      { body: '[1,2]', headers: json, status: 400 },
      { body: '"text"', headers: json, status: 400 },
      { body: '{"from_failed":true}', headers: { 'content-type': 'text/plain' }, status: 400 },
      { body: '{"from_failed":true}', headers: {}, status: 400 },
      { body: JSON.stringify({ pad: 'x'.repeat(70_000) }), headers: json, status: 413 },
      { body: JSON.stringify({ pad: 'x'.repeat(70_000) }), headers: { ...json, 'transfer-encoding': 'chunked' }, status: 413 },
    ];
    for (const c of cases) {
      const answer = await h.call(path, { method: 'POST', body: c.body, headers: c.headers });
      expect({ body: c.body.slice(0, 30), status: answer.status }).toEqual({ body: c.body.slice(0, 30), status: c.status });
      expect(answer.json().message).toEqual(expect.any(String));
    }
    // The workflow was read once (it names the project); nothing was posted.
    expect(posts(h)).toHaveLength(0);
  });
});
