/*
 * Reads follow the catalog: a user gets a project's data only if a catalog
 * entity they can read names it; otherwise 404 on every path of it, with
 * nothing sent upstream for paths that name the project, and nothing of
 * CircleCI's answer for paths by id (even when the shared cache holds it).
 * Counted at the fake and at the catalog.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { CIRCLECI_ENDPOINTS, type EndpointName } from '@circleci-backstage/plugin-circleci-common';
import { fakeClock, startHarness, type Harness } from '../__testUtils__/harness';
import { projectRuleOf } from './projectRule';

const OUTSIDER = 'user:default/outsider'; // reads only `rocket`
const MONO_DEV = 'user:default/mono-dev'; // reads only `mono` (two projects in one annotation)
const TYPO = 'user:default/typo'; // reads only `malformed` (`acme/bucket`: not a slug)
const BROKEN = 'user:default/broken'; // the catalog fails for this user

const READS: Record<string, string[]> = {
  [OUTSIDER]: ['rocket'],
  [MONO_DEV]: ['mono'],
  [TYPO]: ['malformed'],
};

let h: Harness;
let clock: ReturnType<typeof fakeClock>;

beforeAll(async () => {
  clock = fakeClock();
  h = await startHarness({
    catalog: {
      canRead: ({ user, entity }) => {
        if (user === BROKEN) throw new Error('catalog down');
        return READS[user] ? READS[user].includes(entity.metadata.name) : true;
      },
    },
  });
});
afterAll(async () => {
  await h.stop();
  clock.restore();
});
beforeEach(() => {
  clock.advance(60_000); // every user's catalog answer and every short-lived entry is stale
  h.clear();
});

/** Ids and numbers of `bb/acme/bucket`, the project the outsider may not see. */
function bucket() {
  const project = h.fake.state.findProject({ vcs: 'bb', org: 'acme', repo: 'bucket' })!;
  const pipeline = project.pipelines[0];
  const workflow = pipeline.workflows[0];
  const job = workflow.jobs.find(j => j.number !== undefined)!;
  return { pipelineId: pipeline.id, workflowId: workflow.id, workflowName: workflow.name, jobNumber: job.number! };
}

describe('every endpoint', () => {
  it('says how its project is known (an endpoint without a rule would be refused)', () => {
    const sample: Record<string, unknown> = {
      projectSlug: { provider: 'gh', org: 'acme', repo: 'rocket', slug: 'gh/acme/rocket' },
      workflowId: '6e2b8f0a-3c1d-4e5f-9a7b-1c2d3e4f5a6b',
      pipelineId: '6e2b8f0a-3c1d-4e5f-9a7b-1c2d3e4f5a6b',
      approvalRequestId: '6e2b8f0a-3c1d-4e5f-9a7b-1c2d3e4f5a6b',
      projectId: 'x',
      jobNumber: 1,
      containerIndex: 0,
      stepNumber: 1,
      workflowName: 'build',
    };
    for (const name of Object.keys(CIRCLECI_ENDPOINTS) as EndpointName[]) {
      const params = Object.fromEntries(Object.keys(CIRCLECI_ENDPOINTS[name].params).map(p => [p, sample[p]]));
      expect({ name, rule: projectRuleOf({ name, params })?.kind }).toEqual({ name, rule: expect.any(String) });
    }
  });
});

describe('a user who cannot read any entity of the project', () => {
  it('gets 404 on every path that names it, and nothing is sent upstream', async () => {
    const { workflowName, jobNumber } = bucket();
    const paths = [
      'pipelines?project=bb/acme/bucket',
      'v2/project/bb/acme/bucket',
      'v2/project/bb/acme/bucket/pipeline',
      'v2/project/bitbucket/acme/bucket/pipeline/mine',
      `v2/project/bb/acme/bucket/job/${jobNumber}`,
      `v2/project/bb/acme/bucket/${jobNumber}/tests`,
      `v2/project/bb/acme/bucket/${jobNumber}/artifacts`,
      `v1.1/project/bitbucket/acme/bucket/${jobNumber}`,
      `private/output/raw/bb/acme/bucket/${jobNumber}/output/0/1`,
      'v2/insights/bb/acme/bucket/workflows?reporting-window=last-30-days',
      `v2/insights/bb/acme/bucket/workflows/${encodeURIComponent(workflowName)}`,
      `v2/insights/bb/acme/bucket/workflows/${encodeURIComponent(workflowName)}/summary`,
      `v2/insights/bb/acme/bucket/workflows/${encodeURIComponent(workflowName)}/jobs`,
      `v2/insights/bb/acme/bucket/workflows/${encodeURIComponent(workflowName)}/test-metrics`,
      'v2/insights/bb/acme/bucket/flaky-tests',
      'v2/insights/bb/acme/bucket/branches',
      // The pipeline definitions of a `circleci/…` project, by its id (the outsider reads no such entity).
      `v2/projects/${h.fake.demo.standaloneFailingJob.projectSlug.split('/')[2]}/pipeline-definitions`,
    ];
    for (const path of paths) {
      const answer = await h.call(path, { as: OUTSIDER });
      expect({ path, status: answer.status, reason: answer.json().reason }).toEqual({ path, status: 404, reason: 'not-visible' });
    }
    expect(h.upstream()).toHaveLength(0);
    // The same paths answer the user who can read `bucket`.
    expect((await h.call('v2/project/bb/acme/bucket/pipeline')).status).toBe(200);
  });

  it('gets 404 on every path by id, even when the shared cache holds the answer, and none of its data', async () => {
    const { pipelineId, workflowId } = bucket();
    const paths = [`v2/pipeline/${pipelineId}`, `v2/pipeline/${pipelineId}/workflow`, `v2/workflow/${workflowId}`, `v2/workflow/${workflowId}/job`];
    for (const path of paths) {
      const cold = await h.call(path, { as: OUTSIDER });
      expect({ path, status: cold.status }).toEqual({ path, status: 404 });
      expect(cold.text).not.toContain('bucket');
    }
    // Only the reads that name the project went upstream: the pipeline and the workflow, once each.
    expect(h.upstream().map(r => r.path)).toEqual([`v2/pipeline/${pipelineId}`, `v2/workflow/${workflowId}`]);

    // Someone who may see them fills the cache; the outsider still gets nothing, from the cache.
    for (const path of paths) expect((await h.call(path)).status).toBe(200);
    h.clear();
    for (const path of paths) {
      const warm = await h.call(path, { as: OUTSIDER });
      expect({ path, status: warm.status }).toEqual({ path, status: 404 });
      expect(warm.text).not.toContain('bucket');
    }
    expect(h.upstream()).toHaveLength(0);
  });

  it('still reads the projects its entities name', async () => {
    const { failingJob } = h.fake.demo;
    for (const path of ['pipelines?project=gh/acme/rocket', `v2/workflow/${failingJob.workflowId}/job`, `v2/project/github/acme/rocket/job/${failingJob.jobNumber}`]) {
      expect({ path, status: (await h.call(path, { as: OUTSIDER })).status }).toEqual({ path, status: 200 });
    }
    // CircleCI's own 404 for an id it does not know is passed on as it came.
    const unknown = await h.call('v2/workflow/00000000-0000-4000-8000-000000000000', { as: OUTSIDER });
    expect(unknown.status).toBe(404);
    expect(unknown.json().reason).toBeUndefined();
  });
});

describe('annotations', () => {
  it('with two projects (a monorepo) give both, whichever provider spelling', async () => {
    for (const slug of ['gh/acme/mono-api', 'gh/acme/mono-web', 'github/acme/mono-web']) {
      expect({ slug, status: (await h.call(`pipelines?project=${slug}`, { as: MONO_DEV })).status }).toEqual({ slug, status: 200 });
    }
    expect((await h.call('pipelines?project=gh/acme/rocket', { as: MONO_DEV })).status).toBe(404);
  });

  it('that are malformed give nothing', async () => {
    expect((await h.call('v2/project/bb/acme/bucket/pipeline', { as: TYPO })).status).toBe(404);
    expect(h.upstream()).toHaveLength(0);
  });
});

describe('the catalog', () => {
  it('is asked once per user for a warm page, and again after 30 s', async () => {
    const { workflowId, jobNumber } = h.fake.demo.failingJob;
    const page = [
      'pipelines?project=gh/acme/rocket',
      `v2/workflow/${workflowId}`,
      `v2/workflow/${workflowId}/job`,
      `v2/project/gh/acme/rocket/job/${jobNumber}`,
      `v1.1/project/github/acme/rocket/${jobNumber}`,
    ];
    const open = (as: string) => Promise.all(page.map(p => h.call(p, { as })));
    expect((await open(OUTSIDER)).map(a => a.status)).toEqual(Array(page.length).fill(200));
    expect((await open(OUTSIDER)).map(a => a.status)).toEqual(Array(page.length).fill(200));
    await open('user:default/someone');
    expect(h.catalog.count({ method: 'queryEntities', caller: OUTSIDER })).toBe(1);
    expect(h.catalog.count({ method: 'queryEntities', caller: 'user:default/someone' })).toBe(1);
    expect(h.catalog.all).toHaveLength(2);
    clock.advance(29_000);
    await open(OUTSIDER);
    expect(h.catalog.count({ method: 'queryEntities', caller: OUTSIDER })).toBe(1);
    clock.advance(1_001);
    await open(OUTSIDER);
    expect(h.catalog.count({ method: 'queryEntities', caller: OUTSIDER })).toBe(2);
  });

  it('is not asked for a service principal, which reads every project', async () => {
    const service = { authorization: mockCredentials.service.header() };
    const { workflowId } = bucket();
    for (const path of ['v2/project/bb/acme/bucket/pipeline', `v2/workflow/${workflowId}/job`]) {
      expect((await h.call(path, { headers: service })).status).toBe(200);
    }
    expect(h.catalog.all).toHaveLength(0);
  });

  it('answers 503 when it fails, sends nothing upstream, and is asked again next time', async () => {
    for (let i = 0; i < 2; i += 1) {
      const answer = await h.call('v2/project/gh/acme/rocket/pipeline', { as: BROKEN });
      expect(answer.status).toBe(503);
      expect(answer.json().reason).toBe('catalog-unavailable');
    }
    expect(h.catalog.count({ method: 'queryEntities', caller: BROKEN })).toBe(2);
    expect(h.upstream()).toHaveLength(0);
  });
});

describe('step-log reads', () => {
  it('are audited at low severity, refused ones too, without the log', async () => {
    const { failingJob } = h.fake.demo;
    const rocketLog = `private/output/raw/gh/acme/rocket/${failingJob.jobNumber}/output/0/${failingJob.step}`;
    const read = await h.call(rocketLog, { as: OUTSIDER });
    expect(read.text).toContain(failingJob.failingLines[0]);
    const refused = await h.call(`private/output/raw/bb/acme/bucket/${bucket().jobNumber}/output/0/1`, { as: OUTSIDER });
    expect(refused.status).toBe(404);
    await h.call(`v2/project/gh/acme/rocket/job/${failingJob.jobNumber}`, { as: OUTSIDER }); // not a log: not audited
    const audits = h.audits();
    expect(audits).toEqual([
      {
        eventId: 'step-log-read',
        severityLevel: 'low',
        meta: { actor: OUTSIDER, project: 'gh/acme/rocket', jobNumber: failingJob.jobNumber, containerIndex: 0, stepNumber: failingJob.step },
        outcome: 'success',
        outcomeMeta: { status: 200 },
      },
      expect.objectContaining({ eventId: 'step-log-read', outcome: 'fail', outcomeMeta: { status: 404 } }),
    ]);
    const text = JSON.stringify(audits);
    for (const line of failingJob.failingLines) expect(text).not.toContain(line);
    expect(text).not.toContain(h.fake.token);
  });
});
