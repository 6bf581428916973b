#!/usr/bin/env node
/*
 * End-to-end test of the admin's switch (`node e2e/actionsOff.mjs`, also
 * run by e2e/run.mjs after its first run): a second dev stack, on its own
 * ports, in backend mode, the same as `npm start` but with
 * `circleci.actions.enabled: false` (through APP_CONFIG_* for the backend
 * plugin and the dev app). In headless Chromium, a failed workflow of
 * gh/acme/rocket, which the guest may act on, shows no action control at
 * all; directly, a rerun through rocket is 403 `actions-off` for the guest
 * and 401 without credentials, and neither reaches the fake.
 * Prints `N passed, N failed`; exits 1 on failure. The stack is always
 * stopped (its whole process group).
 *
 * Env: E2E_TIMEOUT_MS (default 300000), CHROMIUM_PATH, E2E_HEADFUL=1.
 */
/* eslint-disable no-console */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { createStack, guestToken } from '../dev/stack.mjs';
import { fakePosts } from './backendChecks.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'e2e', 'artifacts');
mkdirSync(artifacts, { recursive: true });

const TOKEN = `e2e-actions-off-token-${randomBytes(12).toString('hex')}`;
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 300_000);

const startedAt = Date.now();
const say = msg => console.log(`[e2e actions off +${((Date.now() - startedAt) / 1000).toFixed(1)}s] ${msg}`);
const stack = createStack({
  ports: { fake: 7109, backend: 7017, app: 3010 },
  token: TOKEN,
  // The legacy dev app: its paths (/rocket/...) are the ones used below.
  legacy: true,
  mode: 'backend',
  // The only difference from `npm start`: the admin's switch.
  env: { APP_CONFIG_circleci_actions_enabled: 'false' },
  logPath: join(artifacts, 'stack-actions-off.log'),
  timeoutsMs: { fake: 90_000, backend: 120_000, app: TIMEOUT_MS },
});
const { fake: FAKE, app: APP, backend: BACKEND } = stack.urls;

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const posts = () => fakePosts({ fake: FAKE });
const results = [];
async function test(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
    say(`ok - ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    say(`not ok - ${name}\n  ${error?.stack ?? error}`);
  }
}

let browser;
const userDataDir = mkdtempSync(join(tmpdir(), 'circleci-e2e-actions-off-'));

async function run() {
  await stack.start();
  say('stack with actions off is up');
  const demo = await (await fetch(`${FAKE}/__fake/demo`)).json();
  const failed = demo.failingJob.workflowId;

  await test('server: a rerun through rocket is 403 actions-off for the guest, 401 without credentials, 0 POSTs', async () => {
    const before = (await posts()).length;
    const url = `${BACKEND}/api/circleci/v2/workflow/${failed}/rerun?entity=component:default/rocket`;
    const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"from_failed":true}' };
    const anonymous = await fetch(url, init);
    assert(anonymous.status === 401, `without credentials: expected 401, got ${anonymous.status}`);
    const auth = { Authorization: `Bearer ${await guestToken({ backend: BACKEND })}` };
    const off = await fetch(url, { ...init, headers: { ...init.headers, ...auth } });
    const body = await off.json().catch(() => ({}));
    assert(off.status === 403 && body.reason === 'actions-off', `as guest: expected 403 actions-off, got ${off.status} ${JSON.stringify(body)}`);
    const sent = (await posts()).length - before;
    assert(sent === 0, `the refused actions reached the fake (${sent} POSTs)`);
    say(`rerun: 401 anonymous, 403 actions-off as guest ("${body.message}"), 0 POSTs at the fake`);
  });

  await test("UI: rocket's failed workflow shows no action control", async () => {
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: process.env.E2E_HEADFUL !== '1',
      viewport: { width: 1440, height: 1000 },
      args: CHROMIUM_ARGS,
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`${APP}/rocket`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('row').filter({ hasText: /#\d+/ }).first().waitFor({ timeout: 90_000 });
    const controls = await page.getByRole('button', { name: /rerun|cancel|approve|trigger pipeline/i }).count();
    assert(controls === 0, `actions are off, but the pipelines tab shows ${controls} action controls`);
    await page.goto(`${APP}/rocket/workflows/${failed}`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('workflow-job').first().waitFor({ timeout: 30_000 });
    const onWorkflow = await page.getByRole('button', { name: /rerun|cancel|approve/i }).count();
    assert(onWorkflow === 0, `actions are off, but the workflow page shows ${onWorkflow} action controls`);
    await page.screenshot({ path: join(artifacts, 'actions-off.png'), fullPage: true });
    say('no action control on the pipelines tab or the failed workflow');
  });
}

let finished = false;
const timer = setTimeout(() => {
  say('global timeout');
  results.push({ name: 'global timeout', ok: false });
  finish();
}, TIMEOUT_MS + 60_000);

async function finish() {
  if (finished) return;
  finished = true;
  clearTimeout(timer);
  await browser?.close().catch(() => undefined);
  rmSync(userDataDir, { recursive: true, force: true });
  await stack.stop();
  const failedCount = results.filter(r => !r.ok).length;
  if (failedCount) console.log(stack.tail(40));
  console.log(`${results.length - failedCount} passed, ${failedCount} failed (actions off)`);
  process.exit(failedCount || results.length === 0 ? 1 : 0);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish());

run()
  .catch(error => {
    results.push({ name: 'setup', ok: false });
    say(`setup failed: ${error?.stack ?? error}`);
  })
  .finally(finish);
