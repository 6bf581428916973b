/*
 * The e2e test's direct HTTP checks (as curl would send them, no browser)
 * of the two ways to CircleCI that a dev stack offers: the backend plugin
 * below /api/circleci (backend mode only) and the proxy endpoint (both
 * modes); and the audit of what the browser sent and received.
 */
import { guestToken } from '../dev/stack.mjs';

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** The POSTs the fake CircleCI received (its request log). */
export async function fakePosts({ fake }) {
  const body = await (await fetch(`${fake}/__fake/requests`)).json();
  return (body.requests ?? []).filter(r => r.method === 'POST').map(r => r.path);
}

/**
 * Backend mode: the plugin needs Backstage credentials (401 without or with
 * a forged token, also for an action, which then sends nothing upstream),
 * serves the guest user CircleCI's `v2/me` and the pipelines aggregate.
 * `fakeApi(path)` reads the fake's v2 API directly; `workflowId` is a
 * workflow to try to rerun. (Who may act: e2e/permissionChecks.mjs.)
 */
export async function checkBackendPlugin({ backend, fake, token, slug, fakeApi, workflowId, say }) {
  const base = `${backend}/api/circleci`;
  const anonymous = await fetch(`${base}/v2/me`);
  assert(anonymous.status === 401, `GET /api/circleci/v2/me without credentials: expected 401, got ${anonymous.status}`);
  const forged = await fetch(`${base}/v2/me`, { headers: { Authorization: 'Bearer not-a-token' } });
  assert(forged.status === 401, `with a forged token: expected 401, got ${forged.status}`);

  const auth = { Authorization: `Bearer ${await guestToken({ backend })}` };
  const me = await fetch(`${base}/v2/me`, { headers: auth });
  const meBody = await me.text();
  assert(me.status === 200, `GET /api/circleci/v2/me as guest: expected 200, got ${me.status} ${meBody}`);
  const expected = await fakeApi('/me');
  assert(JSON.parse(meBody).login === expected.login, `/api/circleci/v2/me ${meBody} is not the fake's user`);
  assert(!meBody.includes(token), "the plugin's answer contains the CircleCI token");

  const page = await fetch(`${base}/pipelines?project=${slug}`, { headers: auth });
  assert(page.status === 200, `GET /api/circleci/pipelines?project=${slug}: expected 200, got ${page.status}`);
  const { items, next_page_token: next } = await page.json();
  const fakeFirst = (await fakeApi(`/project/${slug}/pipeline`)).items;
  assert(
    items.length === fakeFirst.length && items.every((item, i) => item.pipeline.id === fakeFirst[i].id),
    `the aggregate's pipelines are not the fake's first page (${items.length} against ${fakeFirst.length})`,
  );
  assert(items.every(item => Array.isArray(item.workflows)), 'an aggregate item has no workflow list');
  assert(typeof next === 'string' && next.length > 0, 'the aggregate has no next_page_token for a busy project');

  const before = (await fakePosts({ fake })).length;
  const rerun = await fetch(`${base}/v2/workflow/${workflowId}/rerun?entity=component:default/rocket`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ from_failed: true }),
  });
  assert(rerun.status === 401, `an action without credentials: expected 401, got ${rerun.status}`);
  const after = (await fakePosts({ fake })).length;
  assert(after === before, `the refused action reached the fake (${after - before} POSTs)`);
  say?.(
    `/api/circleci: 401 anonymous and forged (an action too, 0 POSTs upstream), v2/me 200, pipelines ${items.length} items ` +
      `(${items.reduce((n, i) => n + i.workflows.length, 0)} workflows)`,
  );
}

/** Proxy mode: the backend plugin is not installed, so /api/circleci is 404 for a signed-in user. */
export async function checkNoBackendPlugin({ backend, say }) {
  const auth = { Authorization: `Bearer ${await guestToken({ backend })}` };
  const answer = await fetch(`${backend}/api/circleci/v2/me`, { headers: auth });
  assert(answer.status === 404, `proxy mode: GET /api/circleci/v2/me expected 404 (no plugin), got ${answer.status}`);
  say?.('proxy mode: /api/circleci is 404 (no backend plugin)');
}

/**
 * Both modes: the proxy endpoint (`proxy`, without a trailing slash) needs
 * Backstage credentials, serves the guest user CircleCI's `v2/me` without
 * the token, and forwards GET and POST only.
 */
export async function checkProxy({ proxy, backend, token, fakeApi }) {
  const anonymous = await fetch(`${proxy}/v2/me`);
  assert(anonymous.status === 401, `without credentials: expected 401, got ${anonymous.status}`);
  const forged = await fetch(`${proxy}/v2/me`, { headers: { Authorization: 'Bearer not-a-token' } });
  assert(forged.status === 401, `with a forged token: expected 401, got ${forged.status}`);

  const auth = { Authorization: `Bearer ${await guestToken({ backend })}` };
  const response = await fetch(`${proxy}/v2/me`, { headers: auth });
  assert(response.status === 200, `as guest: expected 200, got ${response.status}`);
  const body = await response.text();
  const me = JSON.parse(body);
  const expected = await fakeApi('/me');
  assert(me.id === expected.id && me.login === expected.login,
    `proxy /v2/me ${body} is not the fake's user ${JSON.stringify(expected)}`);
  assert(!body.includes(token), 'proxy response contains the CircleCI token');

  // The proxy only forwards GET and POST.
  const del = await fetch(`${proxy}/v2/me`, { method: 'DELETE', headers: auth });
  assert(del.status >= 400 && del.status !== 200, `DELETE through the proxy: got ${del.status}`);
}

/**
 * Everything the browser sent (`requests`: `{ request, headers }`) and
 * received (`bodyChecks` done, `leakingResponses` found): no `Circle-Token`
 * header, the token in no header, URL, body or response; every CircleCI
 * call carries a Backstage token; and the calls went the mode's way (backend
 * mode: some to /api/circleci, none through the proxy; proxy mode: the
 * opposite).
 */
export async function auditRequests({ requests, bodyChecks, leakingResponses, token, backend, proxy, mode, say }) {
  assert(requests.length > 0, 'no requests were recorded');
  await Promise.all(bodyChecks);
  let proxyCalls = 0;
  let pluginCalls = 0;
  for (const { request, headers } of requests) {
    const all = await headers;
    const url = request.url();
    for (const [name, value] of Object.entries(all)) {
      assert(name.toLowerCase() !== 'circle-token', `request ${url} carries a Circle-Token header`);
      assert(!String(value).includes(token), `request ${url} header ${name} contains the token`);
    }
    assert(!url.includes(token), `request URL contains the token: ${url}`);
    assert(!(request.postData() ?? '').includes(token), `request body to ${url} contains the token`);
    const viaProxy = url.startsWith(`${proxy}/`);
    const viaPlugin = url.startsWith(`${backend}/api/circleci/`);
    if (viaProxy) proxyCalls++;
    if (viaPlugin) pluginCalls++;
    if (viaProxy || viaPlugin) {
      const auth = Object.entries(all).find(([n]) => n.toLowerCase() === 'authorization')?.[1];
      assert(auth?.startsWith('Bearer '), `CircleCI call ${url} has no Backstage token`);
    }
  }
  assert(leakingResponses.length === 0, `responses containing the token: ${leakingResponses.join(', ')}`);
  say?.(`${requests.length} requests checked (${pluginCalls} to /api/circleci, ${proxyCalls} through the proxy)`);
  if (mode === 'backend') {
    assert(pluginCalls > 0 && proxyCalls === 0, `backend mode: ${proxyCalls} calls through the proxy, ${pluginCalls} to /api/circleci`);
  } else {
    assert(proxyCalls > 0 && pluginCalls === 0, `proxy mode: ${pluginCalls} calls to /api/circleci, ${proxyCalls} through the proxy`);
  }
}
