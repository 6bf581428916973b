/*
 * The actions' other callers and the permission framework: a service
 * principal may not act unless an admin allows it; the permissions are
 * registered for policy editors. Counted at the fake.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { startHarness, type Harness } from '../__testUtils__/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ actionsEnabled: true });
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => {
  h.clear();
});

const post = (path: string, options: { headers?: Record<string, string> } = {}) =>
  h.call(path, { method: 'POST', body: {}, headers: options.headers });

describe('service principals', () => {
  it('may not act unless circleci.actions.allowServicePrincipals is true', async () => {
    const service = { authorization: mockCredentials.service.header() };
    const path = `v2/workflow/${h.fake.demo.failingJob.workflowId}/rerun?entity=component:default/rocket`;
    const refused = await post(path, { headers: service });
    expect(refused.status).toBe(403);
    expect(refused.json()).toMatchObject({ reason: 'service-principal', message: expect.stringMatching(/allowServicePrincipals/) });
    expect(h.upstream()).toHaveLength(0);
    expect(h.audits()[0]).toMatchObject({ meta: { actor: 'service:external:test-service' }, outcomeMeta: { allowed: false } });

    const allowing = await startHarness({ actionsEnabled: true, allowServicePrincipals: true });
    try {
      const answer = await allowing.call(path, { method: 'POST', body: {}, headers: service });
      expect(answer.status).toBeLessThan(300);
      expect(allowing.upstream().filter(r => r.method === 'POST')).toHaveLength(1);
    } finally {
      await allowing.stop();
    }
  });
});

describe('the permissions', () => {
  it('are registered with the permission framework (the metadata a policy editor reads)', async () => {
    const answer = await h.call('.well-known/backstage/permissions/metadata', {
      headers: { authorization: mockCredentials.service.header() },
    });
    expect(answer.status).toBe(200);
    expect(answer.json().permissions).toEqual([
      expect.objectContaining({ name: 'circleci.workflow.operate', resourceType: 'catalog-entity', attributes: { action: 'update' } }),
      expect.objectContaining({ name: 'circleci.job.approve', resourceType: 'catalog-entity', attributes: { action: 'update' } }),
      expect.objectContaining({ name: 'circleci.pipeline.trigger', resourceType: 'catalog-entity', attributes: { action: 'create' } }),
    ]);
  });
});
