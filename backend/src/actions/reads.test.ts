/*
 * The read actions, invoked through actionsRegistryServiceMock against the
 * real fake CircleCI: what they answer, that they follow the catalog per
 * caller exactly as the routes do (refused before anything is sent), and
 * that they share the routes' cache (a second read sends nothing).
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { startActionsHarness, type ActionsHarness } from '../__testUtils__/actionsRegistry';
import { MAX_LOG_BYTES } from './failureLogs';

const ROCKET = 'component:default/rocket';
const OUTSIDER = 'user:default/outsider';
/** The outsider may read every entity but rocket. */
const canRead = ({ user, entity }: { user: string; entity: { metadata: { name: string } } }) =>
  user !== OUTSIDER || entity.metadata.name !== 'rocket';

type Json = any;

describe('the read actions', () => {
  let h: ActionsHarness;
  beforeAll(async () => {
    h = await startActionsHarness({ catalog: { canRead } });
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => h.clear());

  it('registers eight actions with honest attributes, output schemas and examples', async () => {
    const { actions } = await h.registry.list();
    const byName = Object.fromEntries(actions.map(a => [a.name, a]));
    expect(Object.keys(byName).sort()).toEqual(
      ['approve-job', 'cancel-workflow', 'get-failure-logs', 'get-insights', 'get-pipelines', 'get-workflow', 'rerun-workflow', 'trigger-pipeline'],
    );
    for (const name of ['get-pipelines', 'get-workflow', 'get-failure-logs', 'get-insights']) {
      expect([name, byName[name].attributes]).toEqual([name, { readOnly: true, destructive: false, idempotent: true }]);
    }
    expect(byName['cancel-workflow'].attributes).toEqual({ readOnly: false, destructive: true, idempotent: true });
    expect(byName['approve-job'].attributes).toEqual({ readOnly: false, destructive: true, idempotent: true });
    expect(byName['rerun-workflow'].attributes).toEqual({ readOnly: false, destructive: false, idempotent: false });
    expect(byName['trigger-pipeline'].attributes).toEqual({ readOnly: false, destructive: false, idempotent: false });
    for (const action of actions) {
      expect([action.name, action.examples?.length ?? 0]).not.toEqual([action.name, 0]);
      expect(Object.keys((action.schema.output as Json).properties ?? {}).length).toBeGreaterThan(0);
      expect(action.description.length).toBeGreaterThan(80);
    }
  });

  it('get-pipelines answers pipelines with workflows, and a second call is served by the shared cache', async () => {
    const out: Json = await h.invoke('get-pipelines', { entityRef: ROCKET, limit: 3 });
    expect(out.project).toBe('gh/acme/rocket');
    expect(out.entityRef).toBe(ROCKET);
    expect(out.pipelines).toHaveLength(3);
    expect(out.pipelines[0].workflows.length).toBeGreaterThan(0);
    expect(out.pipelines[0].workflows[0]).toMatchObject({ id: expect.any(String), status: expect.any(String), url: expect.stringMatching(/^https:\/\/app\.circleci\.com\//) });
    const first = h.upstream().length;
    expect(first).toBe(4); // the list and 3 workflow lists
    h.clear();
    expect(await h.invoke('get-pipelines', { entityRef: ROCKET, limit: 3 })).toEqual(out);
    expect(h.upstream()).toHaveLength(0);
  });

  it('get-pipelines refuses a project no entity of the caller names, before anything is sent', async () => {
    const bySlug = await h.refusal('get-pipelines', { projectSlug: 'gh/acme/rocket' }, mockCredentials.user(OUTSIDER));
    expect(bySlug.name).toBe('NotFoundError');
    const byEntity = await h.refusal('get-pipelines', { entityRef: ROCKET }, mockCredentials.user(OUTSIDER));
    expect(byEntity).toMatchObject({ name: 'NotFoundError', message: expect.stringContaining('may not see it') });
    const secret = await h.refusal('get-pipelines', { projectSlug: h.fake.demo.slugs.secret });
    expect(secret.name).toBe('NotFoundError');
    const anonymous = await h.refusal('get-pipelines', { entityRef: ROCKET }, mockCredentials.none());
    expect(anonymous.name).toBe('NotAllowedError');
    const malformed = await h.refusal('get-pipelines', { projectSlug: 'not a slug' });
    expect(malformed.name).toBe('InputError');
    expect(h.upstream()).toHaveLength(0);
  });

  it('hold a service principal (an MCP static token) to the projects the catalog shows it', async () => {
    const service = mockCredentials.service('plugin:mcp-actions');
    const out: Json = await h.invoke('get-pipelines', { projectSlug: 'gh/acme/rocket', limit: 1 }, service);
    expect(out.pipelines).toHaveLength(1);
    h.clear();
    const secret = await h.refusal('get-pipelines', { projectSlug: h.fake.demo.slugs.secret }, service);
    expect(secret.name).toBe('NotFoundError');
    expect(h.upstream()).toHaveLength(0);
    // By id: CircleCI names the workflow's project, which no entity names: refused, nothing of it returned.
    const byId = await h.refusal('get-workflow', { workflowId: h.fake.demo.secret.failedWorkflowId }, service);
    expect(byId.name).toBe('NotFoundError');
    expect(h.upstream().map(r => r.path)).toEqual([`v2/workflow/${h.fake.demo.secret.failedWorkflowId}`]);
  });

  it('get-workflow answers the jobs with statuses, numbers and durations', async () => {
    const { failingJob } = h.fake.demo;
    const out: Json = await h.invoke('get-workflow', { workflowId: failingJob.workflowId });
    expect(out.workflow).toMatchObject({ id: failingJob.workflowId, status: 'failed' });
    const job = out.jobs.find((j: Json) => j.jobNumber === failingJob.jobNumber);
    expect(job).toMatchObject({ name: failingJob.jobName, status: 'failed', durationSeconds: expect.any(Number) });
    // The outsider learns nothing of rocket's workflow: 404 after CircleCI named its project.
    h.clear();
    const refused = await h.refusal('get-workflow', { workflowId: failingJob.workflowId }, mockCredentials.user(OUTSIDER));
    expect(refused.name).toBe('NotFoundError');
    expect(h.upstream()).toHaveLength(0); // the workflow was cached by the first read
  });

  it('get-failure-logs finds the failing line, without ANSI, bounded, with a link to the job', async () => {
    const { failingJob } = h.fake.demo;
    const out: Json = await h.invoke('get-failure-logs', { workflowId: failingJob.workflowId });
    const job = out.jobs.find((j: Json) => j.jobNumber === failingJob.jobNumber);
    expect(job.url).toMatch(new RegExp(`^https://app\\.circleci\\.com/pipelines/.+/jobs/${failingJob.jobNumber}$`));
    const lines: string[] = job.steps.flatMap((s: Json) => s.lines);
    for (const failing of failingJob.failingLines) expect(lines.join('\n')).toContain(failing);
    expect(lines.join('\n')).not.toContain('\u001b');
    expect(Buffer.byteLength(JSON.stringify(out.jobs))).toBeLessThan(MAX_LOG_BYTES + 4000);
    // Each log read is audited as the route's step-log reads are.
    expect(h.audits().filter(a => a.eventId === 'step-log-read' && a.outcome === 'success').length).toBeGreaterThan(0);
  });

  it('get-failure-logs of a job that passed reads no log, even the 200,000-line one', async () => {
    const { hugeLogJob } = h.fake.demo;
    const out: Json = await h.invoke('get-failure-logs', { projectSlug: hugeLogJob.projectSlug, jobNumber: hugeLogJob.jobNumber });
    expect(out).toMatchObject({ project: hugeLogJob.projectSlug, jobs: [], note: expect.stringContaining('No failed job') });
    expect(h.upstream().filter(r => r.path.startsWith('private/output'))).toHaveLength(0);
  });

  it('get-insights answers success rates, p50/p95 and flaky tests', async () => {
    const out: Json = await h.invoke('get-insights', { entityRef: ROCKET, window: 'last-30-days' });
    expect(out.workflows.length).toBeGreaterThan(0);
    expect(out.workflows[0]).toMatchObject({ name: expect.any(String), successRate: expect.any(Number), p95Seconds: expect.any(Number) });
    expect(out.flakyTests.top.length).toBeGreaterThan(0);
    const refused = await h.refusal('get-insights', { entityRef: ROCKET }, mockCredentials.user(OUTSIDER));
    expect(refused.name).toBe('NotFoundError');
  });
});
