/*
 * The accessibility walks of the e2e test: every view of the plugin scanned
 * by axe-core in the light and the dark theme, and the keyboard-only walk
 * from the pipelines to a step's log and its search.
 */
import { focused, scanView, setTheme, tabTo, waitSettled, PLUGIN_AREA } from './a11y.mjs';

/** The views to scan, from the fake's demo facts (and a commit to look up). */
function views(demo, commit) {
  const failing = demo.failingJob;
  const artifacts = demo.hostileArtifactsJob;
  const text = t => page => page.locator(PLUGIN_AREA).getByText(t, { exact: false }).first();
  return [
    {
      view: 'pipelines',
      path: '/rocket',
      ready: page => page.locator(`${PLUGIN_AREA} tr`).filter({ hasText: /#\d+/ }).first(),
    },
    {
      view: 'workflow',
      path: `/rocket/workflows/${failing.workflowId}`,
      ready: page => page.getByRole('link', { name: failing.jobName, exact: true }).first(),
    },
    { view: 'job steps + log', path: `/rocket/jobs/${failing.jobNumber}`, ready: text(failing.failingLines[0]) },
    { view: 'job tests', path: `/rocket/jobs/${failing.jobNumber}?tab=tests`, ready: text('tests:') },
    { view: 'job artifacts', path: `/rocket/jobs/${artifacts.jobNumber}?tab=artifacts`, ready: text('Container 0') },
    ...(commit
      ? [{ view: 'commit', path: `/rocket/commits/${commit.sha}`, ready: text(`#${commit.number}`) }]
      : []),
    // Insights: metrics, trends, the charts' tables and the flaky tests.
    {
      view: 'insights',
      path: '/rocket/insights',
      ready: page => page.locator(`${PLUGIN_AREA} [data-testid="insights-chart"] .recharts-scatter-symbol`).first(),
    },
    { view: 'empty project', path: '/empty', ready: text('No pipelines yet') },
    { view: 'malformed slug', path: '/malformed', ready: text('Invalid project slug') },
    { view: 'missing project', path: '/missing', ready: text('could not find project') },
    { view: 'missing annotation', path: '/no-annotation', ready: text('Missing Annotation') },
  ];
}

/** True when the page's background is dark (the dark theme is applied). */
async function isDark(page) {
  return page.evaluate(() => {
    // The first opaque background around the plugin's area.
    for (let el = document.querySelector('article'); el; el = el.parentElement) {
      const [r, g, b, a = 1] = (getComputedStyle(el).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
      if (a > 0) return (r + g + b) / 3 < 128;
    }
    return false;
  });
}

/**
 * Scans every view in both themes; throws listing the serious and critical
 * violations. `say` prints the one-line summary of each view.
 */
export async function scanAllViews({ page, app, demo, commit, say }) {
  const problems = [];
  for (const theme of ['light', 'dark']) {
    await setTheme(page, theme);
    for (const v of views(demo, commit)) {
      await page.goto(`${app}${v.path}`, { waitUntil: 'domcontentloaded' });
      await v.ready(page).waitFor({ state: 'visible', timeout: 60_000 });
      await waitSettled(page);
      if ((await isDark(page)) !== (theme === 'dark')) {
        throw new Error(`${v.view}: the ${theme} theme is not applied`);
      }
      const result = await scanView({ page, view: v.view, theme });
      say(result.summary);
      for (const b of result.blocking) {
        problems.push(
          [
            `${v.view} [${theme}] ${b.id} (${b.impact}, ${b.nodes} nodes): ${b.help}`,
            ...b.examples.map(e => `      ${e.target}: ${e.summary}`),
          ].join('\n'),
        );
      }
    }
  }
  await setTheme(page, 'light');
  if (problems.length) {
    throw new Error(`serious or critical accessibility violations:\n    ${problems.join('\n    ')}`);
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
export async function keyboardWalk({ page, app, demo, say }) {
  const failing = demo.failingJob;
  await page.goto(`${app}/rocket`, { waitUntil: 'domcontentloaded' });
  await page.locator(`${PLUGIN_AREA} tr`).filter({ hasText: /#\d+/ }).first().waitFor({ timeout: 60_000 });
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
  await page.goto(`${app}/rocket/workflows/${failing.workflowId}`, { waitUntil: 'domcontentloaded' });
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
