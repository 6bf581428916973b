/*
 * The keyboard walk's second half (new-frontend-system app): keyboard
 * only, Tab and the arrow keys reach the job's Tests and Artifacts tabs
 * (Enter selects them), the parallel job's container switcher (Enter
 * chooses a container), and every dialog of the plugin: the trigger dialog
 * (a parameter added and typed into) and the confirm dialog. Escape closes
 * each dialog and the focus returns to the control that opened it
 * (`document.activeElement`). Elements are told by role and accessible
 * name, never by position.
 */
import { focused, tabTo, waitSettled } from './a11y.mjs';
import { CANCEL_WORKFLOW } from './a11yViews.mjs';

/** Polls the focused element until `check(el)` holds (up to `timeoutMs`). */
async function focusUntil(page, what, check, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const el = await focused(page);
    if (check(el)) return el;
    if (Date.now() > deadline) throw new Error(`${what}: the focus is on ${el.tag} "${el.name}" (role ${el.role || '-'})`);
    await page.waitForTimeout(100);
  }
}

/** Waits (up to 1 s) until the focus is visible. */
async function visibleFocus(page, what) {
  return focusUntil(page, `focus on ${what} is not visible`, el => el.visible, 1000);
}

/** Waits until an action control is enabled (the permission check has answered). */
async function enabled(locator) {
  await locator.waitFor({ timeout: 90_000 });
  const deadline = Date.now() + 30_000;
  while (await locator.isDisabled()) {
    if (Date.now() > deadline) throw new Error('the control stays disabled');
    await locator.page().waitForTimeout(200);
  }
}

/** The job page's tabs: Tab reaches the selected one, the arrows move, Enter selects Tests, then Artifacts. */
async function jobTabs({ page, app, jobPath }) {
  await page.goto(`${app}${jobPath}`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('tab', { name: 'Tests' }).waitFor({ timeout: 60_000 });
  await waitSettled(page);
  const first = await tabTo(page, { what: "the job's selected tab", match: el => el.role === 'tab' && el.selected === 'true' });
  await visibleFocus(page, 'the selected tab');
  const reached = [];
  for (const name of ['Tests', 'Artifacts']) {
    let presses = 0;
    for (;;) {
      const el = await focused(page);
      if (el.role === 'tab' && el.name === name) break;
      if (++presses > 3) throw new Error(`ArrowRight did not reach the ${name} tab (focus on "${el.name}")`);
      await page.keyboard.press('ArrowRight');
    }
    await visibleFocus(page, `the ${name} tab`);
    await page.keyboard.press('Enter');
    await focusUntil(page, `Enter on the ${name} tab`, el => el.role === 'tab' && el.name === name && el.selected === 'true');
    await page.waitForURL(new RegExp(`[?&]tab=${name.toLowerCase()}`), { timeout: 10_000 });
    reached.push(`${name} (${presses} ArrowRight)`);
  }
  return `job tabs: "${first.el.name}" after ${first.presses} Tab, then ${reached.join(', ')} selected with Enter`;
}

/** The container switcher: Tab reaches a container, Enter on one not chosen chooses it. */
async function containerSwitcher({ page, app, jobPath }) {
  await page.goto(`${app}${jobPath}`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('group', { name: 'Containers' }).getByRole('button').first().waitFor({ timeout: 60_000 });
  await waitSettled(page);
  const first = await tabTo(page, { what: 'the container switcher', match: el => el.group === 'Containers' && el.tag === 'button' });
  await visibleFocus(page, 'a container');
  const other = await tabTo(page, {
    what: 'a container not chosen',
    match: el => el.group === 'Containers' && el.pressed === 'false',
    max: 20,
  });
  await page.keyboard.press('Enter');
  const chosen = await focusUntil(page, 'Enter on a container', el => el.group === 'Containers' && el.pressed === 'true');
  return `container switcher: reached after ${first.presses} Tab ("${first.el.name}"), "${other.el.name}" chosen with Enter (${chosen.pressed})`;
}

/**
 * Opens a dialog from the focused control with Enter, walks it with Tab
 * (`inside` lists what to reach), then Escape: the dialog closes and the
 * focus is back on the opener (the same element).
 */
async function dialogRoundTrip({ page, what, inside }) {
  await page.evaluate(() => document.activeElement?.setAttribute('data-e2e-opener', 'yes'));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible', timeout: 30_000 });
  const start = await focusUntil(page, `${what}: the focus moves into the dialog`, el => el.inDialog);
  const stops = [];
  for (const step of inside) {
    const hit = await tabTo(page, { what: `${what}: ${step.what}`, match: el => el.inDialog && step.match(el), max: 20 });
    await visibleFocus(page, `${what}: ${step.what}`);
    if (step.then) await step.then(page);
    stops.push(`${step.what} (${hit.presses} Tab)`);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
  const back = await focusUntil(page, `${what}: Escape returns the focus to the opener`, () => true);
  const isOpener = await page.evaluate(() => document.activeElement?.getAttribute('data-e2e-opener') === 'yes');
  await page.evaluate(() => document.querySelector('[data-e2e-opener]')?.removeAttribute('data-e2e-opener'));
  if (!isOpener) throw new Error(`${what}: after Escape the focus is on ${back.tag} "${back.name}", not the control that opened it`);
  return `${what}: opened with Enter, the focus in it on ${start.tag} "${start.name.slice(0, 30)}", then ${stops.join(', ')}; Escape closed it and the focus is back on "${back.name}"`;
}

/** The trigger dialog: Tab to "Trigger pipeline", Enter, add a parameter and type its name, Escape. */
async function triggerDialog({ page, app, tabPath }) {
  await page.goto(`${app}${tabPath}`, { waitUntil: 'domcontentloaded' });
  await enabled(page.getByRole('button', { name: 'Trigger pipeline' }).first());
  await waitSettled(page);
  const opener = await tabTo(page, { what: 'Trigger pipeline', match: el => el.tag === 'button' && el.name === 'Trigger pipeline' });
  await visibleFocus(page, 'Trigger pipeline');
  const line = await dialogRoundTrip({
    page,
    what: 'trigger dialog',
    inside: [
      { what: 'Add parameter', match: el => el.tag === 'button' && el.name === 'Add parameter', then: p => p.keyboard.press('Enter') },
      {
        what: 'the parameter name',
        match: el => el.tag === 'input' && el.name.startsWith('Parameter 1 name'),
        then: p => p.keyboard.type('deploy_env'),
      },
      { what: 'its remove button', match: el => el.name.startsWith('Remove parameter 1') },
      { what: 'Trigger', match: el => el.tag === 'button' && /^Trigger$/.test(el.name) },
    ],
  });
  return `${line} (reached after ${opener.presses} Tab)`;
}

/** The confirm dialog: Tab to "Cancel workflow …" on the workflow on hold, Enter, both buttons reached, Escape. */
async function confirmDialog({ page, app, workflowPath }) {
  await page.goto(`${app}${workflowPath}`, { waitUntil: 'domcontentloaded' });
  await enabled(page.getByRole('button', { name: CANCEL_WORKFLOW }).first());
  await waitSettled(page);
  const opener = await tabTo(page, { what: 'Cancel workflow', match: el => el.tag === 'button' && CANCEL_WORKFLOW.test(el.name) });
  await visibleFocus(page, 'Cancel workflow');
  const line = await dialogRoundTrip({
    page,
    what: 'confirm dialog',
    inside: [
      { what: 'Keep it running', match: el => el.tag === 'button' && el.name === 'Keep it running' },
      { what: 'Cancel workflow', match: el => el.tag === 'button' && el.name === 'Cancel workflow' },
    ],
  });
  return `${line} (reached after ${opener.presses} Tab)`;
}

/** The second half of the keyboard walk; `say` prints one line per part. */
export async function keyboardWalkMore({ page, app, demo, tab, say }) {
  const rocket = tab('rocket');
  say(`keyboard: ${await jobTabs({ page, app, jobPath: `${rocket}/jobs/${demo.hostileArtifactsJob.jobNumber}` })}`);
  say(`keyboard: ${await containerSwitcher({ page, app, jobPath: `${rocket}/jobs/${demo.parallelJob.jobNumber}` })}`);
  say(`keyboard: ${await triggerDialog({ page, app, tabPath: rocket })}`);
  say(`keyboard: ${await confirmDialog({ page, app, workflowPath: `${rocket}/workflows/${demo.approval.workflowId}` })}`);
}
