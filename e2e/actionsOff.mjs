#!/usr/bin/env node
/*
 * End-to-end test of actions (`node e2e/actions.mjs`, also run by
 * e2e/run.mjs after the read-only run): a second dev stack, on its own
 * ports, in backend mode, with `circleci.actions.enabled: true` (through
 * APP_CONFIG_* for the backend plugin and the dev app). In headless
 * Chromium it opens a failed workflow of gh/acme/rocket, reruns it from
 * failed through the backend plugin (POST /api/circleci/v2/workflow/{id}/rerun,
 * answered 2xx: the opposite of the read-only run's 403), waits for the new
 * workflow's page, and checks that the fake CircleCI received exactly one
 * POST, the rerun; an action without Backstage credentials still gets 401.
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
import { createStack } from '../dev/stack.mjs';
import { fakePosts } from './backendChecks.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'e2e', 'artifacts');
mkdirSync(artifacts, { recursive: true });

const TOKEN = `e2e-actions-token-${randomBytes(12).toString('hex')}`;
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 300_000);

const startedAt = Date.now();
const say = msg => console.log(`[e2e actions +${((Date.now() - startedAt) / 1000).toFixed(1)}s] ${msg}`);
const stack = createStack({
  ports: { fake: 7109, backend: 7017, app: 3010 },
  token: TOKEN,
  // The legacy dev app: its paths (/rocket/...) are the ones used below.
  legacy: true,
  mode: 'backend',
  // The only difference from the read-only stack: the admin's switch.
  env: { APP_CONFIG_circleci_actions_enabled: 'true' },
  logPath: join(artifacts, 'stack-actions.log'),
  timeoutsMs: { fake: 90_000, backend: 120_000, app: TIMEOUT_MS },
});
const { fake: FAKE, app: APP, backend: BACKEND } = stack.urls;

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const posts = () => fakePosts({ fake: FAKE });

let browser;
const userDataDir = mkdtempSync(join(tmpdir(), 'circleci-e2e-actions-'));

async function run() {
  await stack.start();
  say('stack with actions on is up');

  const demo = await (await fetch(`${FAKE}/__fake/demo`)).json();
  const failed = demo.failingJob.workflowId;
  await fetch(`${FAKE}/__fake/clear-requests`, { method: 'POST' });

  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: process.env.E2E_HEADFUL !== '1',
    viewport: { width: 1440, height: 1000 },
    args: CHROMIUM_ARGS,
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  // The browser's actions and their answers.
  const actions = [];
  page.on('response', response => {
    if (response.request().method() === 'POST' && response.url().startsWith(BACKEND)) {
      actions.push({ url: response.url().slice(BACKEND.length), status: response.status() });
    }
  });
  await page.goto(`${APP}/rocket/workflows/${failed}`, { waitUntil: 'domcontentloaded' });
  const rerun = page.getByRole('button', { name: /^Rerun$/ });
  await rerun.waitFor({ timeout: 90_000 });
  await rerun.click();
  await page.getByRole('menuitem', { name: 'Rerun from failed' }).click();
  // The rerun answers with the new workflow's id and the page opens it.
  await page.waitForURL(url => /\/workflows\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(failed), {
    timeout: 30_000,
  });
  const newId = page.url().split('/').pop();
  await page.getByTestId('workflow-job').first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: join(artifacts, 'actions-rerun.png'), fullPage: true });
  const sent = await posts();
  assert(
    sent.length === 1 && sent[0] === `v2/workflow/${failed}/rerun`,
    `expected exactly one POST v2/workflow/${failed}/rerun at the fake, got ${JSON.stringify(sent)}`,
  );
  const wf = await (await fetch(`${FAKE}/api/v2/workflow/${newId}`, { headers: { 'Circle-Token': TOKEN } })).json();
  assert(wf.id === newId && wf.pipeline_id, `the fake does not know the new workflow ${newId}`);
  const rerunPath = `/api/circleci/v2/workflow/${failed}/rerun`;
  assert(
    actions.length === 1 && actions[0].url === rerunPath && actions[0].status >= 200 && actions[0].status < 300,
    `expected the browser's one POST ${rerunPath} answered 2xx, got ${JSON.stringify(actions)}`,
  );
  say(`rerun from failed → new workflow ${newId}: POST ${rerunPath} ${actions[0].status}; the fake saw exactly one POST`);

  const anonymous = await fetch(`${BACKEND}/api/circleci/v2/workflow/${newId}/cancel`, { method: 'POST' });
  assert(anonymous.status === 401, `an action without credentials: expected 401, got ${anonymous.status}`);
  assert((await posts()).length === 1, 'the refused action reached the fake');
}

let failedCount = 0;
const timer = setTimeout(() => {
  say('global timeout');
  failedCount++;
  finish();
}, TIMEOUT_MS + 60_000);

let finished = false;
async function finish() {
  if (finished) return;
  finished = true;
  clearTimeout(timer);
  await browser?.close().catch(() => undefined);
  rmSync(userDataDir, { recursive: true, force: true });
  await stack.stop();
  if (failedCount) console.log(stack.tail(40));
  console.log(`${failedCount ? 0 : 1} passed, ${failedCount} failed`);
  process.exit(failedCount ? 1 : 0);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish());

run()
  .then(() => say('ok - rerun from failed through the backend plugin'))
  .catch(error => {
    failedCount++;
    say(`not ok - rerun from failed through the backend plugin\n  ${error?.stack ?? error}`);
  })
  .finally(finish);
