/*
 * The e2e test's direct HTTP checks (as curl would send them, no browser)
 * of who may act and who may read, against the dev stack's real catalog
 * (the demo entities) and real permission framework (the "owners may act"
 * dev policy: the guest owns rocket, not bucket), counted at the fake:
 *   - the permission framework tells the guest what the UI asks it:
 *     operate on rocket ALLOW, on bucket DENY;
 *   - a denied POST (bucket's workflow, ?entity=component:default/bucket)
 *     is 403 permission-denied with 0 POSTs at the fake; an entity of one
 *     project used on another's workflow is 403 entity-mismatch, 0 POSTs;
 *     an allowed one (rocket's) is 2xx with exactly 1 POST at the fake;
 *   - gh/acme/secret, which the fake serves and no entity names, is 404 on
 *     every path: by slug (with no upstream request at all), by workflow
 *     and pipeline id, and for every action, with 0 POSTs.
 * Backend mode only.
 */
import { guestToken } from '../dev/stack.mjs';
import { fakePosts } from './backendChecks.mjs';

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const ROCKET = 'component:default/rocket';
const BUCKET = 'component:default/bucket';

/** The fake's request log (`{ method, path }` each). */
async function fakeRequests(fake) {
  return (await (await fetch(`${fake}/__fake/requests`)).json()).requests ?? [];
}

/** A client of the backend plugin as the guest: `send(method, path, body?)` → `{ status, body }`. */
async function guestClient(backend) {
  const auth = { Authorization: `Bearer ${await guestToken({ backend })}` };
  const send = async (method, path, body) => {
    const response = await fetch(`${backend}/api/circleci/${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, body: json, text };
  };
  return { auth, send };
}

/** A finished workflow of `slug` whose status is `status`, read from the fake. */
async function workflowOf({ fakeApi, slug, status }) {
  for (const pipeline of (await fakeApi(`/project/${slug}/pipeline`)).items) {
    const found = (await fakeApi(`/pipeline/${pipeline.id}/workflow`)).items.find(w => w.status === status);
    if (found) return found;
  }
  throw new Error(`the fake has no ${status} workflow in ${slug}`);
}

/** Operate permission on an entity, as the UI asks the permission backend. */
async function authorizeOperate({ backend, auth, entityRefs }) {
  const permission = {
    type: 'resource',
    name: 'circleci.workflow.operate',
    attributes: { action: 'update' },
    resourceType: 'catalog-entity',
  };
  const response = await fetch(`${backend}/api/permission/authorize`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ items: entityRefs.map((resourceRef, i) => ({ id: String(i), permission, resourceRef })) }),
  });
  assert(response.ok, `POST /api/permission/authorize: HTTP ${response.status}`);
  return (await response.json()).items.map(item => item.result);
}

/**
 * Denied, mismatched and allowed POSTs through the backend plugin, and what
 * the permission framework answers the guest. Reruns one of rocket's
 * failed workflows (a new workflow appears in its pipeline): run it after
 * the checks that walk rocket's pipelines.
 */
export async function checkActionPermissions({ backend, fake, fakeApi, say }) {
  const { auth, send } = await guestClient(backend);
  const decisions = await authorizeOperate({ backend, auth, entityRefs: [ROCKET, BUCKET] });
  assert(
    decisions[0] === 'ALLOW' && decisions[1] === 'DENY',
    `the policy should allow the guest to operate on rocket and deny bucket, got ${decisions.join(', ')}`,
  );

  const bucketFailed = await workflowOf({ fakeApi, slug: 'bb/acme/bucket', status: 'failed' });
  const rocketFailed = await workflowOf({ fakeApi, slug: 'gh/acme/rocket', status: 'failed' });
  const before = (await fakePosts({ fake })).length;

  const denied = await send('POST', `v2/workflow/${bucketFailed.id}/rerun?entity=${BUCKET}`, { from_failed: true });
  assert(
    denied.status === 403 && denied.body?.reason === 'permission-denied',
    `bucket's rerun through bucket: expected 403 permission-denied, got ${denied.status} ${denied.text}`,
  );
  assert(typeof denied.body?.message === 'string' && denied.body.message.length > 0, 'the 403 has no message');
  const mismatch = await send('POST', `v2/workflow/${bucketFailed.id}/rerun?entity=${ROCKET}`, { from_failed: true });
  assert(
    mismatch.status === 403 && mismatch.body?.reason === 'entity-mismatch',
    `bucket's rerun through rocket: expected 403 entity-mismatch, got ${mismatch.status} ${mismatch.text}`,
  );
  const missing = await send('POST', `v2/workflow/${rocketFailed.id}/rerun`, { from_failed: true });
  assert(
    missing.status === 400 && missing.body?.reason === 'entity-missing',
    `a rerun naming no entity: expected 400 entity-missing, got ${missing.status} ${missing.text}`,
  );
  const afterRefused = (await fakePosts({ fake })).length;
  assert(afterRefused === before, `the refused actions reached the fake (${afterRefused - before} POSTs)`);

  const allowed = await send('POST', `v2/workflow/${rocketFailed.id}/rerun?entity=${ROCKET}`, { from_failed: true });
  assert(allowed.status >= 200 && allowed.status < 300, `rocket's rerun through rocket: expected 2xx, got ${allowed.status} ${allowed.text}`);
  const sent = (await fakePosts({ fake })).slice(before);
  assert(
    sent.length === 1 && sent[0] === `v2/workflow/${rocketFailed.id}/rerun`,
    `expected exactly 1 POST v2/workflow/${rocketFailed.id}/rerun at the fake, got ${JSON.stringify(sent)}`,
  );
  say?.(
    `permissions: guest operate rocket ALLOW, bucket DENY; bucket rerun 403 permission-denied ("${denied.body.message}"), ` +
      `through rocket 403 entity-mismatch, no entity 400, 0 POSTs; rocket rerun ${allowed.status}, exactly 1 POST`,
  );
}

/** Every path of gh/acme/secret the endpoint table has, by slug and by id; the fake serves each. */
function secretPaths(secret) {
  const slug = secret.projectSlug;
  const job = secret.failedJob;
  return {
    bySlug: [
      `pipelines?project=${slug}`,
      `v2/project/${slug}`,
      `v2/project/${slug}/pipeline`,
      `v2/project/${slug}/pipeline/mine`,
      `v2/project/${slug}/job/${job.jobNumber}`,
      `v2/project/${slug}/${job.jobNumber}/tests`,
      `v2/project/${slug}/${job.jobNumber}/artifacts`,
      `v1.1/project/${slug}/${job.jobNumber}`,
      `private/output/raw/${slug}/${job.jobNumber}/output/0/${job.step}`,
      `v2/insights/${slug}/workflows`,
      `v2/insights/${slug}/branches`,
      `v2/insights/${slug}/flaky-tests`,
    ],
    byId: [
      `v2/workflow/${secret.failedWorkflowId}`,
      `v2/workflow/${secret.failedWorkflowId}/job`,
      `v2/pipeline/${secret.pipelineId}`,
      `v2/pipeline/${secret.pipelineId}/workflow`,
    ],
    actions: [
      `v2/workflow/${secret.failedWorkflowId}/rerun`,
      `v2/workflow/${secret.failedWorkflowId}/cancel`,
      `v2/workflow/${secret.approval.workflowId}/approve/${secret.approval.approvalRequestId}`,
      `v2/project/${slug}/job/${job.jobNumber}/cancel`,
      `v2/project/${slug}/pipeline`,
    ],
  };
}

/**
 * gh/acme/secret is 404 to the guest on every path (by slug, by id, every
 * action through an entity the guest owns), although the fake serves it;
 * the slug paths send nothing upstream, no action sends a POST.
 */
export async function checkSecretHidden({ backend, fake, token, say }) {
  const { secret } = await (await fetch(`${fake}/__fake/demo`)).json();
  assert(secret?.projectSlug === 'gh/acme/secret', 'the fake has no gh/acme/secret');
  const paths = secretPaths(secret);
  for (const path of [...paths.bySlug.slice(1), ...paths.byId]) {
    const direct = await fetch(`${fake}/api/${path}`, { headers: { 'Circle-Token': token } });
    await direct.body?.cancel();
    assert(direct.status === 200, `the fake itself answers ${direct.status} to ${path}`);
  }
  const seen = (await fakeRequests(fake)).length;
  const since = async () => (await fakeRequests(fake)).slice(seen);
  const { send } = await guestClient(backend);
  const answers = [];
  for (const path of [...paths.bySlug, ...paths.byId]) answers.push({ path, ...(await send('GET', path)) });
  const slugUpstream = (await since()).filter(r => String(r.path).includes('acme/secret'));
  for (const path of paths.actions) {
    answers.push({ path: `POST ${path}`, ...(await send('POST', `${path}?entity=${ROCKET}`, {})) });
  }
  const wrong = answers.filter(a => a.status !== 404);
  assert(wrong.length === 0, `gh/acme/secret answered: ${wrong.map(a => `${a.path} ${a.status}`).join('; ')}`);
  assert(slugUpstream.length === 0, `paths naming gh/acme/secret reached the fake: ${slugUpstream.map(r => r.path).join(', ')}`);
  const posts = (await since()).filter(r => r.method === 'POST');
  assert(posts.length === 0, `actions on gh/acme/secret reached the fake: ${posts.map(r => r.path).join(', ')}`);
  say?.(
    `gh/acme/secret: 404 on ${paths.bySlug.length} slug paths (0 upstream), ${paths.byId.length} id paths ` +
      `and ${paths.actions.length} actions (0 POSTs)`,
  );
}
