/*
 * The e2e test's checks of the action controls in the browser, against
 * what a user sees: enabled or disabled buttons (`disabled` or
 * `aria-disabled`, as Playwright reads them), and the tooltip of a disabled
 * one. With the dev policy (the guest owns rocket, not bucket) in backend
 * mode, rocket's controls are enabled and bucket's are disabled with a
 * tooltip that says the permission policy does not allow it; in proxy
 * mode nothing would enforce the policy and the controls are not asked.
 * These need the frontend's permission-aware controls (issue 21 point 3).
 */
import { fakePosts } from './backendChecks.mjs';

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** The action controls' accessible names: the workflow page's and the compact ones of the lists. */
const CONTROL = /^(Rerun|Cancel|Rerun workflow .+|Cancel workflow .+|Rerun this job|Cancel job|Approve( .+)?|Trigger pipeline)$/;

/** Polls `check` until it returns true (or `timeoutMs` passes); returns whether it did. */
async function eventually(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await sleep(300);
  }
}

/** What the controls of the page say: `[{ name, disabled }]`. */
async function controlStates(page) {
  const controls = page.getByRole('button', { name: CONTROL });
  const states = [];
  for (const control of await controls.all()) {
    // The accessible name as the text gives it (innerText would follow the CSS upper case).
    const name = await control.evaluate(el => el.getAttribute('aria-label') ?? (el.textContent ?? '').trim());
    states.push({ name, disabled: await control.isDisabled(), control });
  }
  return states;
}

/**
 * The tooltip a user sees on hovering a disabled control (the pointer on
 * its middle: a disabled button lets the pointer through to its wrapper).
 */
async function tooltipOf(page, control) {
  await page.mouse.move(0, 0);
  const box = await control.boundingBox();
  if (!box) return '';
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tooltip = page.getByRole('tooltip');
  try {
    await tooltip.first().waitFor({ state: 'visible', timeout: 3000 });
  } catch {
    return '';
  }
  return (await tooltip.first().innerText()).trim();
}

/**
 * Opens `path` (a workflow page or an entity's tab) and checks its action
 * controls, once the permission answers are in: with `expected: 'enabled'`
 * at least one control and every one enabled; with `'denied'` at least one
 * and every one disabled, the first with a tooltip naming the permission
 * policy. `names` are controls that must be among them (e.g. `Rerun`).
 */
export async function checkControls({ page, app, path, expected, names = [], screenshot, say, timeoutMs = 30_000 }) {
  await page.goto(`${app}${path}`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('button', { name: CONTROL }).first().waitFor({ timeout: 90_000 });
  let states = [];
  const settled = await eventually(async () => {
    states = await controlStates(page);
    const present = names.every(name => states.some(s => s.name === name));
    return present && states.length > 0 && states.every(s => s.disabled === (expected === 'denied'));
  }, timeoutMs);
  const summary = states.map(s => `${s.name}: ${s.disabled ? 'disabled' : 'enabled'}`).join(', ');
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  assert(settled, `${path}: expected every action control ${expected === 'denied' ? 'disabled' : 'enabled'} (and ${names.join(', ') || 'some'} among them), got ${summary || 'none'}`);
  if (expected === 'denied') {
    let tip = '';
    await eventually(async () => /permission policy/i.test((tip = await tooltipOf(page, states[0].control))), timeoutMs);
    assert(/permission policy/i.test(tip), `${path}: the disabled ${states[0].name} shows no tooltip about the permission policy (got "${tip}")`);
    say?.(`${path}: ${summary}; tooltip "${tip}"`);
  } else {
    say?.(`${path}: ${summary}`);
  }
}

/**
 * On the workflow page `path` of a failed workflow of rocket (`workflowId`):
 * Rerun → "Rerun from failed" sends exactly one POST, naming the entity
 * (`?entity=component:default/rocket`), answered 2xx; the fake receives
 * exactly one POST, the rerun; the page opens the new workflow.
 */
export async function rerunThroughUi({ page, app, path, workflowId, backend, fake, entityRef, screenshot, say }) {
  const actions = [];
  const onResponse = response => {
    // Actions only: the signals probe (POST signals/probe, issue 22) is no action.
    const action = response.url().startsWith(`${backend}/api/circleci/`) && !response.url().startsWith(`${backend}/api/circleci/signals/`);
    if (response.request().method() === 'POST' && action) {
      actions.push({ url: response.url().slice(backend.length), status: response.status() });
    }
  };
  page.on('response', onResponse);
  try {
    await page.goto(`${app}${path}`, { waitUntil: 'domcontentloaded' });
    const before = (await fakePosts({ fake })).length;
    const rerun = page.getByRole('button', { name: /^Rerun$/ });
    await rerun.waitFor({ timeout: 90_000 });
    assert(await eventually(async () => !(await rerun.isDisabled()), 30_000), 'Rerun stays disabled');
    await rerun.click();
    await page.getByRole('menuitem', { name: 'Rerun from failed' }).click();
    await page.waitForURL(u => /\/workflows\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(workflowId), {
      timeout: 30_000,
    });
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
    const expectedPath = `/api/circleci/v2/workflow/${workflowId}/rerun`;
    const url = actions.length === 1 ? new URL(actions[0].url, backend) : undefined;
    assert(
      url?.pathname === expectedPath &&
        url.searchParams.get('entity') === entityRef &&
        actions[0].status >= 200 &&
        actions[0].status < 300,
      `expected the browser's one POST ${expectedPath}?entity=${entityRef} answered 2xx, got ${JSON.stringify(actions)}`,
    );
    const sent = (await fakePosts({ fake })).slice(before);
    assert(
      sent.length === 1 && sent[0] === `v2/workflow/${workflowId}/rerun`,
      `expected exactly one POST v2/workflow/${workflowId}/rerun at the fake, got ${JSON.stringify(sent)}`,
    );
    say?.(`rerun from failed: POST ${actions[0].url} ${actions[0].status}; the fake saw exactly one POST; new workflow ${page.url().split('/').pop()}`);
  } finally {
    page.off('response', onResponse);
  }
}
