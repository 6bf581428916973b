/*
 * Insights: the Insights view's time to paint at one latency, against its
 * request DAG floor, on the legacy production app.
 *
 * A run: `/rocket` (the pipelines tab) is loaded in full, not timed (the
 * app bundle, sign-in and the tab's chunk are then warm; the plugin's
 * cache holds no insights), the fake's latency is set, and the clock
 * starts right before a click on the pipelines page's "Insights" link (a
 * client-side navigation). Stops:
 *  - `metrics`: the workflows' metrics table is painted. DAG: 1 round trip
 *    (`GET v2/insights/{slug}/workflows`);
 *  - `charts`: every workflow's chart shows its runs. DAG: metrics, then
 *    one `GET v2/insights/{slug}/workflows/{name}` per workflow, in
 *    parallel = 2 round trips. The warm-up run also loads the chart's
 *    chunk (recharts); the measured runs find it in the HTTP cache.
 * Also: the same 2-step DAG from Node through the proxy (the stack floor)
 * and the requests the fake saw before the charts were painted.
 */
import { openApp, pipelinesReady, recordRequests } from './browser.mjs';
import { stat } from './report.mjs';
import { proxyGetter } from './stack.mjs';

const ROCKET = 'gh/acme/rocket';
/** Metrics, then the charts. */
export const INSIGHTS_FLOOR_ROUND_TRIPS = 2;
/** `v2/insights/{slug}/workflows` and `…/workflows/{name}` (the runs), with any query. */
const FIRST_PAINT = /^v2\/insights\/[^/]+\/[^/]+\/[^/]+\/workflows(\/[^/?]+)?(\?.*)?$/;

/** The view's DAG from Node through the proxy: the stack floor. */
async function nodeInsightsDag(get, runs = 5) {
  const times = [];
  let workflows = 0;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const metrics = await get(`v2/insights/${ROCKET}/workflows?reporting-window=last-30-days`);
    workflows = metrics.items.length;
    await Promise.all(metrics.items.map(w => get(`v2/insights/${ROCKET}/workflows/${encodeURIComponent(w.name)}`)));
    if (i > 0) times.push(performance.now() - t0);
  }
  return { ...stat(times), workflows };
}

async function insightsRun({ page, urls, fake, recorder, latency, workflows }) {
  await openApp(page, `${urls.app}/rocket`, pipelinesReady, 20);
  await fake.latency(latency);
  await fake.clearRequests();
  recorder.clear();
  const wallStart = Date.now();
  const { marks, error, t0 } = await page.evaluate(args => window.__bench.measure(args), {
    checks: ['insightsMetrics', 'insightsCharts'],
    options: { workflows },
    action: { type: 'click', selector: 'a[href^="/rocket/insights"]' },
    timeoutMs: 60_000,
  });
  if (error) throw new Error(`insights at ${latency} ms: ${error}`);
  await new Promise(resolve => setTimeout(resolve, Math.max(1000, 4 * latency)));
  // Every resource the page loaded after the click (the chart's chunk and the API calls).
  const waterfall = await page.evaluate(([start]) => window.__bench.waterfall('', start), [t0]);
  const all = await fake.requests();
  // What first paint needs: the metrics list and one runs list per workflow.
  // Everything else (summaries, branches, project, flaky tests) is the later phase.
  const firstPaint = all.filter(r => FIRST_PAINT.test(r.path));
  return {
    metrics: marks.insightsMetrics.paint,
    charts: marks.insightsCharts.paint,
    requestsAtPaint: firstPaint.length,
    requestsAfter: all.length,
    browserRequests: recorder.since(wallStart).length,
    paths: all.map(r => `${r.method} ${r.path}`),
    waterfall: waterfall.map(w => ({ ...w, url: w.url.replace(/^https?:\/\/[^/]+/, '') })),
  };
}

/** The Insights view at one latency: a warm-up, then `runs` measured runs. */
export async function measureInsights({ context, urls, fake, latency, runs, say }) {
  await fake.reset('now');
  await fake.latency(0);
  const get = await proxyGetter(urls);
  const { items } = await get(`v2/insights/${ROCKET}/workflows?reporting-window=last-30-days`);
  const page = await context.newPage();
  const recorder = recordRequests(page, urls.proxy);
  const samples = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const sample = await insightsRun({ page, urls, fake, recorder, latency, workflows: items.length });
      if (i > 0) samples.push(sample);
    }
    await fake.latency(latency);
    const nodeDag = await nodeInsightsDag(get);
    const result = {
      latencyMs: latency,
      workflows: items.length,
      floorRoundTrips: INSIGHTS_FLOOR_ROUND_TRIPS,
      floorMs: INSIGHTS_FLOOR_ROUND_TRIPS * latency,
      metrics: stat(samples.map(s => s.metrics)),
      charts: stat(samples.map(s => s.charts)),
      nodeDag,
      requests: {
        atPaint: stat(samples.map(s => s.requestsAtPaint)),
        fake: stat(samples.map(s => s.requestsAfter)),
        browser: stat(samples.map(s => s.browserRequests)),
      },
      lastPaths: samples.at(-1)?.paths,
      lastWaterfall: samples.at(-1)?.waterfall,
    };
    say?.(`insights at ${latency} ms: metrics ${result.metrics.median} ms, ${items.length} charts ${result.charts.median} ms ` +
      `(floor ${result.floorMs} ms, stack ${nodeDag.median} ms); ${result.requests.atPaint.median} first-paint requests, ` +
      `${result.requests.fake.median} in all`);
    return result;
  } finally {
    await fake.latency(0);
    await page.close();
  }
}
