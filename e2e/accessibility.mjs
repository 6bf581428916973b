/*
 * The accessibility walks of the e2e test: every view of the plugin scanned
 * by axe-core in the light and the dark theme, and the keyboard-only walk
 * from the pipelines to a step's log and its search.
 */
import { focused, scanView, setTheme, tabTo, waitSettled, PLUGIN_AREA } from './a11y.mjs';
import { scanViews, tabOf } from './a11yViews.mjs';
import { keyboardWalkMore } from './keyboardMore.mjs';

/** True when the page's background is dark (the dark theme is applied). */
async function isDark(page) {
  return page.evaluate(() => {
    // The first opaque background around the plugin's area.
    const start = document.querySelector('article[class*="BackstageContent-root"]') ?? document.querySelector('main');
    for (let el = start; el; el = el.parentElement) {
      const [r, g, b, a = 1] = (getComputedStyle(el).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
      if (a > 0) return (r + g + b) / 3 < 128;
    }
    return false;
  });
}

/**
 * Opens `path` of the app: a page load when `reload` (or when the page is
 * elsewhere), else as the app's own links do (history + popstate, which
 * React Router follows), which spares loading the dev app again.
 */
async function openPath({ page, app, path, reload }) {
  if (reload || !page.url().startsWith(app)) {
    await page.goto(`${app}${path}`, { waitUntil: 'domcontentloaded' });
    return;
  }
  await page.evaluate(p => {
    window.history.pushState({}, '', p);
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, path);
  await page.waitForURL(url => `${url.pathname}${url.search}` === path, { timeout: 10_000 });
  // Let React render the new route before anything looks for the view.
  await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(200);
}

/**
 * The axe table: one row per view, one column per theme, each cell the
 * violations' nodes by impact (critical / serious / moderate / minor).
 */
export function axeTable(results) {
  const themes = [...new Set(results.map(r => r.theme))];
  const cell = r => (r ? `${r.counts.critical} / ${r.counts.serious} / ${r.counts.moderate} / ${r.counts.minor}` : 'n/a');
  const rows = [...new Set(results.map(r => r.view))].map(
    view => `| ${view} | ${themes.map(theme => cell(results.find(r => r.view === view && r.theme === theme))).join(' | ')} |`,
  );
  return [
    `| view | ${themes.map(t => `${t} (critical / serious / moderate / minor)`).join(' | ')} |`,
    `|---|${themes.map(() => '---').join('|')}|`,
    ...rows,
  ].join('\n');
}

/**
 * Scans every view (see e2e/a11yViews.mjs) in both themes; prints the
 * one-line summary of each and then the axe table; throws listing the
 * serious and critical violations. `legacy`: the legacy dev app's paths.
 */
export async function scanAllViews({ page, app, demo, commit, say, legacy = true }) {
  const problems = [];
  const results = [];
  for (const theme of ['light', 'dark']) {
    await setTheme(page, theme);
    let loaded = false; // the theme applies at the next page load
    for (const v of scanViews({ demo, commit, legacy })) {
      try {
        await openPath({ page, app, path: v.path, reload: !loaded });
        loaded = true;
        await v.ready(page).waitFor({ state: 'visible', timeout: 60_000 });
        await waitSettled(page);
        const area = v.open ? await v.open(page) : PLUGIN_AREA;
        if ((await isDark(page)) !== (theme === 'dark')) {
          throw new Error(`the ${theme} theme is not applied`);
        }
        const result = await scanView({ page, view: v.view, theme, area });
        results.push(result);
        say(result.summary);
        for (const b of result.blocking) {
          problems.push(
            [
              `${v.view} [${theme}] ${b.id} (${b.impact}, ${b.nodes} nodes): ${b.help}`,
              ...b.examples.map(e => `      ${e.target}: ${e.summary}`),
            ].join('\n'),
          );
        }
        if (v.open) await page.keyboard.press('Escape');
      } catch (error) {
        problems.push(`${v.view} [${theme}]: not scanned: ${String(error?.message ?? error).split('\n')[0]}`);
      }
    }
  }
  await setTheme(page, 'light');
  say(`axe (WCAG 2.1 A/AA) nodes per view and theme:\n${axeTable(results)}`);
  if (problems.length) {
    throw new Error(`serious or critical accessibility violations (or views not scanned):\n    ${problems.join('\n    ')}`);
  }
}

/** Waits (up to 1 s: MUI shows some focus states a frame later) until the focus is visible. */
async function assertVisible(page, what) {
  const deadline = Date.now() + 1000;
  for (;;) {
    const el = await focused(page);
    if (el.visible) return el;
    if (Date.now() > deadline) throw new Error(`focus on ${what} is not visible (${el.tag} "${el.name}")`);
    await page.waitForTimeout(50);
  }
}

/**
 * Keyboard only: from the top of the pipelines page, Tab reaches the branch
 * filter, refresh and a pipeline's workflow link; Enter follows it, and so
 * on to a job, whose steps open with Enter and Space, and whose log search
 * is reached and left with the keyboard. Returns one line per stop.
 */
export async function keyboardWalk({ page, app, demo, say, legacy = true }) {
  const failing = demo.failingJob;
  const tab = tabOf({ legacy });
  await page.goto(`${app}${tab('rocket')}`, { waitUntil: 'domcontentloaded' });
  await page.locator(`:is(${PLUGIN_AREA}) tr`).filter({ hasText: /#\d+/ }).first().waitFor({ timeout: 60_000 });
  await waitSettled(page);

  const filter = await tabTo(page, {
    what: 'the branch filter',
    match: el => el.inArea && el.tag === 'input' && /branch/i.test(el.name),
  });
  filter.el = await assertVisible(page, 'the branch filter');
  const refresh = await tabTo(page, { what: 'refresh', match: el => el.inArea && el.name === 'Refresh' });
  refresh.el = await assertVisible(page, 'refresh');
  const workflow = await tabTo(page, {
    what: "a pipeline's workflow link",
    match: el => el.inArea && el.inRow && /\/workflows\//.test(el.href),
  });
  workflow.el = await assertVisible(page, 'the workflow link');
  say(`keyboard: branch filter after ${filter.presses} Tab, refresh after ${refresh.presses}, ` +
    `workflow link "${workflow.el.name}" after ${workflow.presses} (focus: ${workflow.el.focusStyle})`);

  // The failing job: open its workflow from the address bar, then go on by keyboard.
  await page.goto(`${app}${tab('rocket')}/workflows/${failing.workflowId}`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('link', { name: failing.jobName, exact: true }).first().waitFor({ timeout: 60_000 });
  const job = await tabTo(page, {
    what: `the job link ${failing.jobName}`,
    match: el => el.inArea && el.tag === 'a' && el.name === failing.jobName,
  });
  job.el = await assertVisible(page, 'the job link');
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/jobs/${failing.jobNumber}(\\?.*)?$`), { timeout: 30_000 });
  await page.getByText(failing.failingLines[0]).first().waitFor({ state: 'visible', timeout: 60_000 });
  await waitSettled(page);

  // The steps: the first closed one opens with Enter, closes and reopens with Space.
  const step = await tabTo(page, {
    what: 'a closed step',
    match: el => el.inStep && el.role === 'button' && el.expanded === 'false',
  });
  step.el = await assertVisible(page, 'a step');
  await page.keyboard.press('Enter');
  await waitExpanded(page, 'true', 'Enter');
  await page.keyboard.press('Space');
  await waitExpanded(page, 'false', 'Space');
  await page.keyboard.press('Space');
  await waitExpanded(page, 'true', 'Space');
  // The reopened step loads its log (from the cache, but rendered a frame
  // later): its search exists only then.
  await page
    .locator('[data-testid="job-step"] [data-testid="step-log-viewer"] input')
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 });
  say(`keyboard: step "${step.el.name.slice(0, 40)}" reached after ${step.presses} Tab (focus: ${step.el.focusStyle}), opened with Enter and Space`);

  // The failed step's log search: reached with Tab, typed into, left with Tab and Shift+Tab.
  const search = await tabTo(page, {
    what: 'the log search',
    match: el => el.tag === 'input' && el.inStep,
    max: 120,
  });
  search.el = await assertVisible(page, 'the log search');
  await page.keyboard.type('expected 42');
  const after = await tabTo(page, { what: 'the control after the search', match: el => el.tag !== 'input', max: 3 });
  const before = await tabTo(page, { what: 'the search again', match: el => el.tag === 'input' && el.inStep, back: true, max: 5 });
  const left = await tabTo(page, { what: 'the control before the search', match: el => el.tag !== 'input', back: true, max: 3 });
  say(`keyboard: log search after ${search.presses} Tab (focus: ${search.el.focusStyle}); ` +
    `left forward to ${after.el.tag} "${after.el.name.slice(0, 30)}", back to the search (${before.presses}) ` +
    `and before it to ${left.el.tag} "${left.el.name.slice(0, 30)}"`);

  // The new app: the job's tabs, the container switcher and the dialogs (Escape returns the focus).
  if (!legacy) {
    await keyboardWalkMore({ page, app, demo, tab, say });
  }
}

async function waitExpanded(page, value, key) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const el = await focused(page);
    if (el.expanded === value) return;
    if (Date.now() > deadline) {
      throw new Error(`${key} on a step: aria-expanded is ${el.expanded}, not ${value} (${el.tag} "${el.name}")`);
    }
    await page.waitForTimeout(100);
  }
}
