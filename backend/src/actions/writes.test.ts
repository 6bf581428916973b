/*
 * The write actions, invoked through actionsRegistryServiceMock against the
 * real fake CircleCI: a user with the permission sends exactly one POST
 * (never retried); a denied user, a service (an MCP client's static token)
 * and an anonymous call send none; the actions switch and the audit events
 * are the UI route's.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { startActionsHarness, type ActionsHarness } from '../__testUtils__/actionsRegistry';
import type { HarnessOptions } from '../__testUtils__/harness';

const ROCKET = 'component:default/rocket';
const posts = (h: ActionsHarness) => h.upstream().filter(r => r.method === 'POST');
type Json = any;

async function withHarness(options: HarnessOptions, run: (h: ActionsHarness) => Promise<void>) {
  const h = await startActionsHarness(options);
  try {
    await run(h);
  } finally {
    await h.stop();
  }
}

describe('the write actions', () => {
  it('act once for a permitted user, with the route\'s audit event, and drop what they change from the cache', () =>
    withHarness({ actionsEnabled: true }, async h => {
      const { failingJob, approval } = h.fake.demo;
      await h.invoke('get-workflow', { workflowId: failingJob.workflowId });
      h.clear();
      const rerun: Json = await h.invoke('rerun-workflow', { entityRef: ROCKET, workflowId: failingJob.workflowId, fromFailed: true });
      expect(rerun).toMatchObject({ circleciStatus: expect.any(Number), newWorkflowId: expect.any(String) });
      const approve: Json = await h.invoke('approve-job', { entityRef: ROCKET, workflowId: approval.workflowId, approvalRequestId: approval.approvalRequestId });
      expect(approve.circleciStatus).toBe(202);
      const trigger: Json = await h.invoke('trigger-pipeline', { entityRef: ROCKET, branch: 'main', parameters: { deploy: false } });
      expect(trigger).toMatchObject({ circleciStatus: 201, pipelineNumber: expect.any(Number), url: expect.stringContaining('app.circleci.com') });
      expect(posts(h).map(r => r.path)).toEqual([
        `v2/workflow/${failingJob.workflowId}/rerun`,
        `v2/workflow/${approval.workflowId}/approve/${approval.approvalRequestId}`,
        'v2/project/gh/acme/rocket/pipeline',
      ]);
      const audits = h.audits().filter(a => a.eventId === 'action');
      expect(audits.map(a => [a.meta?.action, a.meta?.via, a.outcome, a.outcomeMeta?.allowed])).toEqual([
        ['rerunWorkflow', 'actions-registry', 'success', true],
        ['approveJob', 'actions-registry', 'success', true],
        ['triggerPipeline', 'actions-registry', 'success', true],
      ]);
      // The rerun dropped the workflow's cached answers: reading it again asks CircleCI.
      h.clear();
      await h.invoke('get-workflow', { workflowId: failingJob.workflowId });
      expect(h.upstream().some(r => r.path.startsWith(`v2/workflow/${failingJob.workflowId}`))).toBe(true);
    }));

  it('never retries, not even after a 5xx', () =>
    withHarness({ actionsEnabled: true }, async h => {
      h.fake.failPath({ match: 'POST v2/workflow', status: 503 });
      const refused = await h.refusal('cancel-workflow', { entityRef: ROCKET, workflowId: h.fake.demo.failingJob.workflowId });
      expect(refused).toMatchObject({ name: 'ServiceUnavailableError', message: expect.stringContaining('503') });
      expect(posts(h)).toHaveLength(1);
    }));

  it('refuse a user without the permission: NotAllowedError, 0 POSTs, audited as refused', () =>
    withHarness({ actionsEnabled: true, permissions: 'deny' }, async h => {
      const refused = await h.refusal('rerun-workflow', { entityRef: ROCKET, workflowId: h.fake.demo.failingJob.workflowId });
      expect(refused).toMatchObject({ name: 'NotAllowedError', message: expect.stringContaining('circleci.workflow.operate') });
      const trigger = await h.refusal('trigger-pipeline', { entityRef: ROCKET, branch: 'main' });
      expect(trigger.name).toBe('NotAllowedError');
      expect(posts(h)).toHaveLength(0);
      expect(h.audits().filter(a => a.eventId === 'action').map(a => [a.outcome, a.outcomeMeta?.reason])).toEqual([
        ['fail', 'permission-denied'],
        ['fail', 'permission-denied'],
      ]);
    }));

  it('refuse a service principal (a static token) even where the routes allow services, and anonymous calls: 0 POSTs', () =>
    withHarness({ actionsEnabled: true, allowServicePrincipals: true }, async h => {
      const workflowId = h.fake.demo.failingJob.workflowId;
      const service = await h.refusal('cancel-workflow', { entityRef: ROCKET, workflowId }, mockCredentials.service('external:mcp-assistant'));
      expect(service).toMatchObject({ name: 'NotAllowedError', message: expect.stringContaining('signed-in Backstage user') });
      const anonymous = await h.refusal('cancel-workflow', { entityRef: ROCKET, workflowId }, mockCredentials.none());
      expect(anonymous.name).toBe('NotAllowedError');
      expect(posts(h)).toHaveLength(0);
      expect(h.audits().filter(a => a.eventId === 'action').map(a => [a.meta?.actor, a.outcome, a.outcomeMeta?.reason])).toEqual([
        ['service:external:mcp-assistant', 'fail', 'service-principal'],
      ]);
      // The same static token still reads.
      const read: Json = await h.invoke('get-workflow', { workflowId }, mockCredentials.service('external:mcp-assistant'));
      expect(read.workflow.id).toBe(workflowId);
    }));

  it('are refused for everyone while circleci.actions.enabled is false', () =>
    withHarness({ actionsEnabled: false }, async h => {
      const refused = await h.refusal('rerun-workflow', { entityRef: ROCKET, workflowId: h.fake.demo.failingJob.workflowId });
      expect(refused).toMatchObject({ name: 'NotAllowedError', reason: 'actions-off' });
      expect(h.upstream()).toHaveLength(0);
    }));

  it('refuse an entity that does not name the workflow\'s project, and bad input, with 0 POSTs', () =>
    withHarness({ actionsEnabled: true }, async h => {
      const workflowId = h.fake.demo.failingJob.workflowId;
      const mismatch = await h.refusal('rerun-workflow', { entityRef: 'component:default/bucket', workflowId });
      expect(mismatch).toMatchObject({ name: 'NotAllowedError', reason: 'entity-mismatch' });
      const notUuid = await h.refusal('cancel-workflow', { entityRef: ROCKET, workflowId: '../../v2/me' });
      expect(notUuid.name).toBe('InputError');
      const both = await h.refusal('trigger-pipeline', { entityRef: ROCKET, branch: 'main', tag: 'v1' });
      expect(both.name).toBe('InputError');
      expect(posts(h)).toHaveLength(0);
    }));
});
