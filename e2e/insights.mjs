/*
 * The insights step of the e2e test: the tab's Insights view of the busy
 * project shows, for its first workflow, the success rate that the fake
 * computes from its own history, and a chart per workflow.
 */

/** The view's text for a rate from 0 to 1, as src/domain/insights.ts writes it. */
function percentText(rate) {
  const pct = rate * 100;
  return `${pct > 0 && pct < 1 ? pct.toFixed(1) : Math.round(pct)}%`;
}

/**
 * Opens `${app}${tabPath}/insights` and checks the first workflow's
 * success rate against `GET v2/insights/{slug}/workflows` of the fake
 * (the default window, last-30-days, on the default branch).
 * `fakeApi(path)` reads the fake's v2 API directly.
 */
export async function checkInsights({ page, app, tabPath, slug, fakeApi, screenshot, say }) {
  await page.goto(`${app}${tabPath}/insights`, { waitUntil: 'domcontentloaded' });
  const cell = page.getByTestId('insights-success-rate');
  await cell.waitFor({ timeout: 90_000 });
  const name = await cell.getAttribute('data-workflow');
  if (!name) throw new Error('the first success-rate cell names no workflow');
  const shown = (await cell.innerText()).split('\n')[0].trim();

  const metrics = await fakeApi(`/insights/${slug}/workflows?reporting-window=last-30-days`);
  const fakeRow = metrics.items.find(w => w.name === name);
  if (!fakeRow) throw new Error(`the view shows workflow "${name}", which the fake's insights do not list`);
  const expected = percentText(fakeRow.metrics.success_rate);
  if (shown !== expected) {
    throw new Error(`workflow "${name}": the view shows ${shown}, the fake computes ${expected}`);
  }
  // A chart (or its table) per workflow shown, and the freshness line.
  await page.getByTestId('insights-freshness').first().waitFor({ timeout: 30_000 });
  const charts = page.getByTestId('insights-chart');
  const deadline = Date.now() + 60_000;
  while ((await charts.count()) < 1) {
    if (Date.now() > deadline) throw new Error('no insights chart was painted');
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  await page.screenshot({ path: screenshot, fullPage: true });
  say(`insights: "${name}" ${shown} (fake: ${expected}), ${await charts.count()} chart(s)`);
}
