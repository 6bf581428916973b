/*
 * Who may act: every POST names an entity the caller can read, whose
 * annotation names the target's project, and the caller holds the action's
 * permission on it. Denied → 403 and nothing posted; allowed → exactly one
 * upstream POST; every attempt is one audit event. Counted at the fake.
 */
import type { PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult, type AuthorizePermissionRequest } from '@backstage/plugin-permission-common';
import { rocketActionPaths, startHarness, type Harness } from '../__testUtils__/harness';
import { component, testEntities } from '../__testUtils__/entities';

const OUTSIDER = 'user:default/outsider'; // reads only `rocket`
const DOCS_WRITER = 'user:default/docs-writer'; // reads only `rocket-docs`, which names rocket's project too
const ROCKETEER = 'user:default/rocketeer'; // member of team-rocket (owner of `rocket`)
const READS: Record<string, string[]> = { [OUTSIDER]: ['rocket'], [DOCS_WRITER]: ['rocket-docs'] };
const GROUPS: Record<string, string[]> = { [ROCKETEER]: ['group:default/team-rocket'] };

type Decide = (request: { permission: string; resourceRef?: string; user: string }) => AuthorizeResult.ALLOW | AuthorizeResult.DENY;

/** The decisions of the test's policy, and every request the backend made. */
const asked: Array<{ permission: string; resourceRef?: string; user: string }> = [];
let decide: Decide = () => AuthorizeResult.ALLOW;

const permissions: PermissionsService = {
  async authorize(requests, options) {
    const principal = options.credentials.principal as { type: string; userEntityRef?: string };
    const user = principal.userEntityRef ?? principal.type;
    return requests.map(r => {
      const request = { permission: r.permission.name, resourceRef: (r as AuthorizePermissionRequest).resourceRef, user };
      asked.push(request);
      return { result: decide(request) };
    });
  },
  async authorizeConditional() {
    throw new Error('The backend authorizes with authorize(), the permission backend applies the conditions.');
  },
};

const entities = [...testEntities({ standalone: 'circleci/6e2b8f0a-3c1d-4e5f-9a7b-1c2d3e4f5a6b/9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f' }), component({ name: 'rocket-docs', slug: 'gh/acme/rocket' })];

/**
 * "Owners may act", as the permission backend resolves the catalog's
 * conditional decision `isEntityOwner` for one entity: allowed when one of
 * the user's groups owns it.
 */
const ownersMayAct: Decide = ({ resourceRef, user }) => {
  const entity = entities.find(e => `component:default/${e.metadata.name}` === resourceRef);
  const owner = (entity?.spec as { owner?: string } | undefined)?.owner;
  return owner && (GROUPS[user] ?? []).includes(owner) ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
};

let h: Harness;
const posts = () => h.upstream().filter(r => r.method === 'POST');
const post = (path: string, options: { as?: string; body?: object; headers?: Record<string, string> } = {}) =>
  h.call(path, { method: 'POST', body: options.body ?? {}, as: options.as, headers: options.headers });

/** A workflow, job and approval of `bb/acme/bucket`. */
function bucket() {
  const project = h.fake.state.findProject({ vcs: 'bb', org: 'acme', repo: 'bucket' })!;
  const workflow = project.pipelines[0].workflows[0];
  return { workflowId: workflow.id, jobNumber: workflow.jobs.find(j => j.number !== undefined)!.number! };
}

beforeAll(async () => {
  h = await startHarness({
    actionsEnabled: true,
    permissions,
    catalog: {
      entities,
      canRead: ({ user, entity }) => (READS[user] ? READS[user].includes(entity.metadata.name) : true),
    },
  });
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => {
  h.clear();
  asked.length = 0;
  decide = () => AuthorizeResult.ALLOW;
});

describe('an allowed action', () => {
  it('sends exactly one upstream POST, and its audit event says who, what, through which entity and how CircleCI answered', async () => {
    const { workflowId } = h.fake.demo.failingJob;
    const answer = await post(`v2/workflow/${workflowId}/rerun?entity=component%3Adefault%2Frocket`, { body: { from_failed: true } });
    expect(answer.status).toBeLessThan(300);
    expect(posts().map(r => r.path)).toEqual([`v2/workflow/${workflowId}/rerun`]);
    expect(asked).toEqual([{ permission: 'circleci.workflow.operate', resourceRef: 'component:default/rocket', user: 'user:default/mock' }]);
    expect(h.audits()).toEqual([
      {
        eventId: 'action',
        severityLevel: 'medium',
        meta: { action: 'rerunWorkflow', actor: 'user:default/mock', target: { kind: 'workflow', workflowId } },
        outcome: 'success',
        outcomeMeta: { entityRef: 'component:default/rocket', project: 'gh/acme/rocket', allowed: true, circleciStatus: answer.status },
      },
    ]);
  });

  it('asks the permission of its kind: operate, approve or trigger', async () => {
    decide = ({ permission }) => (permission === 'circleci.workflow.operate' ? AuthorizeResult.ALLOW : AuthorizeResult.DENY);
    const { approval, failingJob } = h.fake.demo;
    const entity = '?entity=component:default/rocket';
    expect((await post(`v2/project/gh/acme/rocket/job/${failingJob.jobNumber}/cancel${entity}`)).status).toBeLessThan(300);
    const approve = await post(`v2/workflow/${approval.workflowId}/approve/${approval.approvalRequestId}${entity}`);
    expect(approve.status).toBe(403);
    expect(approve.json().message).toBe(
      'You may not approve jobs of component:default/rocket: your Backstage permissions do not include circleci.job.approve.',
    );
    expect((await post(`v2/project/gh/acme/rocket/pipeline${entity}`, { body: { branch: 'main' } })).status).toBe(403);
    expect(asked.map(a => a.permission)).toEqual(['circleci.workflow.operate', 'circleci.job.approve', 'circleci.pipeline.trigger']);
    expect(posts()).toHaveLength(1);
  });

  it('may go through an entity with two projects, to either', async () => {
    for (const slug of ['gh/acme/mono-api', 'gh/acme/mono-web']) {
      const answer = await post(`v2/project/${slug}/pipeline?entity=component:default/mono`, { body: { branch: 'main' } });
      expect({ slug, status: answer.status }).toEqual({ slug, status: 201 });
    }
    expect(posts()).toHaveLength(2);
  });
});

describe('a denied action', () => {
  it('answers 403 with a sentence for the UI, posts nothing, and is audited as denied', async () => {
    decide = () => AuthorizeResult.DENY;
    const paths = rocketActionPaths(h.fake);
    for (const path of paths) {
      const answer = await post(`${path}?entity=component:default/rocket`, { body: { parameters: { deploy_key: 'hunter2' } } });
      expect({ path, status: answer.status, reason: answer.json().reason }).toEqual({ path, status: 403, reason: 'permission-denied' });
      expect(answer.json().message).toMatch(/^You may not .* of component:default\/rocket: your Backstage permissions do not include circleci\./);
    }
    expect(posts()).toHaveLength(0);
    const audits = h.audits();
    expect(audits).toHaveLength(paths.length);
    for (const audit of audits) {
      expect(audit).toMatchObject({
        eventId: 'action',
        severityLevel: 'medium',
        outcome: 'fail',
        outcomeMeta: { entityRef: 'component:default/rocket', project: 'gh/acme/rocket', allowed: false, status: 403, reason: 'permission-denied' },
      });
    }
    const text = JSON.stringify(audits);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain(h.fake.token);
  });

  it('follows a conditional policy ("owners may act") entity by entity', async () => {
    decide = ownersMayAct;
    const mine = await post(`v2/workflow/${h.fake.demo.failingJob.workflowId}/rerun?entity=component:default/rocket`, { as: ROCKETEER });
    expect(mine.status).toBeLessThan(300);
    const theirs = await post(`v2/workflow/${bucket().workflowId}/rerun?entity=component:default/bucket`, { as: ROCKETEER });
    expect(theirs.status).toBe(403);
    const notAnOwner = await post(`v2/workflow/${h.fake.demo.failingJob.workflowId}/rerun?entity=component:default/rocket`);
    expect(notAnOwner.status).toBe(403);
    expect(posts()).toHaveLength(1);
    expect(asked.map(a => `${a.user} ${a.resourceRef}`)).toEqual([
      `${ROCKETEER} component:default/rocket`,
      `${ROCKETEER} component:default/bucket`,
      'user:default/mock component:default/rocket',
    ]);
  });
});

describe('the entity', () => {
  it('must name the project of the target: an entity of project A cannot act on project B', async () => {
    const { workflowId, jobNumber } = bucket();
    const cases = [
      `v2/workflow/${workflowId}/rerun?entity=component:default/rocket`,
      `v2/project/bb/acme/bucket/job/${jobNumber}/cancel?entity=component:default/rocket`,
      'v2/project/bb/acme/bucket/pipeline?entity=component:default/rocket',
      'v2/project/bb/acme/bucket/pipeline?entity=component:default/plain',
      'v2/project/bb/acme/bucket/pipeline?entity=component:default/malformed',
    ];
    for (const path of cases) {
      const answer = await post(path);
      expect({ path, status: answer.status, reason: answer.json().reason }).toEqual({ path, status: 403, reason: 'entity-mismatch' });
    }
    expect(posts()).toHaveLength(0);
    expect(asked).toHaveLength(0);
    expect(h.audits().map(a => a.outcomeMeta?.reason)).toEqual(Array(cases.length).fill('entity-mismatch'));
  });

  it('must be one the caller can read, even when another entity they read names the project', async () => {
    const path = `v2/workflow/${h.fake.demo.failingJob.workflowId}/rerun`;
    const hidden = await post(`${path}?entity=component:default/rocket`, { as: DOCS_WRITER });
    expect(hidden.status).toBe(404);
    expect(hidden.json().reason).toBe('entity-not-found');
    expect(posts()).toHaveLength(0);
    expect((await post(`${path}?entity=component:default/rocket-docs`, { as: DOCS_WRITER })).status).toBeLessThan(300);
    expect(posts()).toHaveLength(1);
  });

  it('must be named once, as an entity ref', async () => {
    const path = `v2/workflow/${h.fake.demo.failingJob.workflowId}/rerun`;
    const cases: Array<[string, string]> = [
      ['', 'entity-missing'],
      ['?entity=', 'entity-missing'],
      ['?entity=rocket', 'entity-invalid'],
      ['?entity=component:default/rocket&entity=component:default/bucket', 'entity-invalid'],
    ];
    for (const [query, reason] of cases) {
      const answer = await post(`${path}${query}`);
      expect({ query, status: answer.status, reason: answer.json().reason }).toEqual({ query, status: 400, reason });
    }
    expect(h.upstream()).toHaveLength(0);
    expect(h.audits()).toHaveLength(cases.length);
  });
});

describe('a user who cannot see the project', () => {
  it('gets 404 on its actions, by slug (nothing sent upstream) and by id (nothing posted)', async () => {
    const { workflowId, jobNumber } = bucket();
    for (const path of [`v2/project/bb/acme/bucket/pipeline`, `v2/project/bb/acme/bucket/job/${jobNumber}/cancel`]) {
      const answer = await post(`${path}?entity=component:default/bucket`, { as: OUTSIDER });
      expect({ path, status: answer.status, reason: answer.json().reason }).toEqual({ path, status: 404, reason: 'not-visible' });
    }
    expect(h.upstream()).toHaveLength(0);
    const byId = await post(`v2/workflow/${workflowId}/rerun?entity=component:default/rocket`, { as: OUTSIDER });
    expect(byId.status).toBe(404);
    expect(byId.text).not.toContain('bucket');
    // At most the workflow was read (it names the project; the shared cache may hold it): nothing posted.
    expect(h.upstream().map(r => `${r.method} ${r.path}`)).not.toContainEqual(expect.stringMatching(/^POST /));
    expect(h.upstream().length).toBeLessThanOrEqual(1);
    expect(asked).toHaveLength(0);
  });
});
