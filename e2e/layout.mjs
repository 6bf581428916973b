/*
 * The layout step of the e2e test (issue 23, item 1): with the app's
 * sidebar open, at 1280 and 1440 px, no view of the tab (pipelines,
 * Insights, commit) overflows the document or a paper: where a table
 * cannot fit, it scrolls inside its paper. The overview with the three
 * cards keeps the About card in view. Measured as scrollWidth against
 * clientWidth; screenshots of each view and width go to `shots`.
 */

/** The widths checked, as create-app's users often have them. */
export const LAYOUT_WIDTHS = [1280, 1440];

/**
 * In the page: the document's and every visible paper's scroll and client
 * widths, and those of the sidebar (to check that it is open).
 */
function measure() {
  const doc = document.scrollingElement;
  const papers = [...document.querySelectorAll('.MuiPaper-root')]
    .filter(e => e.offsetParent !== null && e.clientWidth > 0 && !e.closest('[role="dialog"],[role="tooltip"]'))
    .map(e => ({
      name: (e.querySelector('h1,h2,h3,h4,h5,h6')?.textContent ?? e.className.split(' ')[0]).slice(0, 40),
      scrollWidth: e.scrollWidth,
      clientWidth: e.clientWidth,
      // Its tables wider than their box, which then scroll sideways inside the paper (not the
      // visually hidden ones, in a 1 px box, that give screen readers a chart's figures).
      scrolling: [...e.querySelectorAll('table')].filter(t => {
        const box = t.parentElement;
        return box.clientWidth > 1 && box.scrollWidth > box.clientWidth;
      }).length,
    }));
  const sidebar = document.querySelector('[class*="BackstageSidebar-drawer"]');
  return {
    doc: { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth },
    papers,
    sidebarWidth: sidebar ? Math.round(sidebar.getBoundingClientRect().width) : 0,
  };
}

/** A short line of a measurement: `doc 1280/1280; Pipelines of ... 1016/1016`. */
function describe(m) {
  const papers = m.papers
    .map(p => `${p.name || 'paper'} ${p.scrollWidth}/${p.clientWidth}${p.scrolling ? ` (${p.scrolling} table(s) scroll inside)` : ''}`)
    .join('; ');
  return `doc ${m.doc.scrollWidth}/${m.doc.clientWidth}, sidebar ${m.sidebarWidth} px; ${papers}`;
}

/**
 * Opens each view at each width and checks that nothing overflows.
 * `views`: `[{ name, path, ready(page) }]`, `ready` waiting for its content.
 * Returns the measurements; throws on the first overflow found (after all
 * views are measured).
 */
export async function checkLayout({ page, app, views, shots, say }) {
  const problems = [];
  const results = [];
  const original = page.viewportSize();
  try {
    for (const width of LAYOUT_WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const view of views) {
        await page.goto(`${app}${view.path}`, { waitUntil: 'domcontentloaded' });
        await view.ready(page);
        // Late content (workflows, trends) settles the widths.
        await page.waitForTimeout(1500);
        const m = await page.evaluate(measure);
        results.push({ width, view: view.name, ...m });
        say(`layout ${width} px ${view.name}: ${describe(m)}`);
        if (m.sidebarWidth < 150) problems.push(`${width} px ${view.name}: no open sidebar (${m.sidebarWidth} px)`);
        if (m.doc.scrollWidth > m.doc.clientWidth) {
          problems.push(`${width} px ${view.name}: the page overflows (${m.doc.scrollWidth} > ${m.doc.clientWidth})`);
        }
        for (const p of m.papers.filter(x => x.scrollWidth > x.clientWidth)) {
          problems.push(`${width} px ${view.name}: paper "${p.name}" overflows (${p.scrollWidth} > ${p.clientWidth})`);
        }
        if (view.check) {
          const problem = await view.check(page);
          if (problem) problems.push(`${width} px ${view.name}: ${problem}`);
        }
        if (shots) await page.screenshot({ path: shots({ view: view.name, width }), fullPage: true });
      }
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return results;
}

/**
 * The views of the new-frontend-system dev app for `checkLayout`: the
 * pipelines tab, the Insights view, a commit view and the overview with
 * the cards (whose About card must be in view).
 */
export function layoutViews({ entityPath, sha }) {
  const rowsShown = async page =>
    page.getByRole('row').filter({ hasText: /#\d+/ }).first().waitFor({ timeout: 90_000 });
  return [
    { name: 'pipelines', path: `${entityPath}/ci-cd`, ready: rowsShown },
    {
      name: 'insights',
      path: `${entityPath}/ci-cd/insights`,
      ready: page => page.getByTestId('insights-success-rate').first().waitFor({ timeout: 90_000 }),
    },
    { name: 'commit', path: `${entityPath}/ci-cd/commits/${sha}`, ready: rowsShown },
    {
      name: 'overview',
      path: entityPath,
      ready: page => page.getByTestId('circleci-pipeline-line').first().waitFor({ timeout: 90_000 }),
      check: async page => {
        const about = page.getByText('About', { exact: true }).first();
        const box = await about.boundingBox();
        const viewport = page.viewportSize();
        return box && box.y + box.height <= viewport.height ? undefined : 'the About card is out of view';
      },
    },
  ];
}
