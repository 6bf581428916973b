/*
 * What the pipelines tab's first page costs the browser, counted with
 * Playwright's request events on a fresh page (a new app instance, so a
 * cold query cache): requests to the backend plugin's aggregate
 * (/api/circleci/pipelines), to the rest of /api/circleci, and to the
 * proxy endpoint (/api/proxy/circleci/api).
 */

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** The window ends this long after the last CircleCI request... */
const QUIET_MS = 1_500;
/** ...and at the latest this long after the first one (below the 10 s poll interval). */
const WINDOW_MS = 8_000;

/**
 * Opens `url` (an entity's CircleCI tab) in a new page of `context` and
 * counts the browser's CircleCI requests from the navigation until the
 * first page is shown (every row of at least `minRows` without
 * "Loading") and no CircleCI request has been sent for 1.5 s, within 8 s
 * of the first CircleCI request (a busy machine may take long to load the
 * dev app's bundle before that).
 * Returns `{ aggregate, plugin, proxy, rows, ms, requestMs, urls }`
 * (`plugin` includes `aggregate`; `ms` from the navigation, `requestMs`
 * from the first request, to the complete page); closes the page.
 */
export async function countFirstPage({ context, url, backend, minRows = 3 }) {
  const pluginBase = `${backend}/api/circleci/`;
  const proxyBase = `${backend}/api/proxy/circleci/api/`;
  const page = await context.newPage();
  const sent = [];
  page.on('request', request => {
    const u = request.url();
    if (u.startsWith(pluginBase) || u.startsWith(proxyBase)) sent.push({ url: u, at: Date.now() });
  });
  try {
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const rows = page.getByRole('row').filter({ hasText: /#\d+/ });
    await rows.first().waitFor({ timeout: 60_000 });
    // Rows are shown, so the first CircleCI request was sent.
    const firstAt = sent.length ? sent[0].at : Date.now();
    let shownAt;
    for (;;) {
      const texts = await rows.allInnerTexts();
      const complete = texts.length >= minRows && texts.every(t => !/Loading/.test(t));
      const now = Date.now();
      if (complete) shownAt ??= now;
      const last = sent.length ? sent[sent.length - 1].at : firstAt;
      if ((shownAt && now - last >= QUIET_MS) || now - firstAt >= WINDOW_MS) break;
      await sleep(100);
    }
    if (!shownAt) throw new Error(`the first page was not complete ${WINDOW_MS} ms after its first request`);
    const inWindow = sent.filter(s => s.at - firstAt <= WINDOW_MS);
    const path = s => new URL(s.url).pathname;
    return {
      aggregate: inWindow.filter(s => path(s) === '/api/circleci/pipelines').length,
      plugin: inWindow.filter(s => s.url.startsWith(pluginBase)).length,
      proxy: inWindow.filter(s => s.url.startsWith(proxyBase)).length,
      rows: (await rows.count()),
      ms: shownAt - t0,
      requestMs: shownAt - firstAt,
      urls: inWindow.map(s => s.url.slice(backend.length)),
    };
  } finally {
    await page.close();
  }
}
