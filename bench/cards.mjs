/*
 * Cards: time to paint of the entity cards on the new-frontend-system dev
 * app's overview page (`/catalog/default/component/rocket`; the cards are
 * enabled in app-config.yaml `app.extensions`, the recent card with limit 5),
 * against their request DAG floors.
 *
 * A run: `/catalog/default/component/bucket` is loaded in full (not timed:
 * the app bundle, sign-in and the card chunks are then warm), the app goes
 * client-side to the catalog list, the fake's latency is set, and the
 * clock starts right before a click on rocket's row (a client-side
 * navigation to its overview; rocket's data is in no cache). Stops:
 *  - `latestCard`: the latest-pipeline card shows its workflows. DAG:
 *    project (default branch) → its pipelines → the newest one's
 *    workflows = 3 round trips;
 *  - `cardLines`: all 6 lines (1 latest + 5 recent) have their status. The
 *    recent card's own DAG is pipelines → 5 workflow lists = 2 round trips,
 *    so this stop is bounded by the latest card's 3.
 * Also: the same 3-step DAG from Node through the proxy (the stack floor)
 * and the requests the fake saw for the page (1 + 1 + 1 and 1 + 5 = 9).
 */
import { openApp, recordRequests } from './browser.mjs';
import { stat } from './report.mjs';
import { proxyGetter } from './stack.mjs';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const ROCKET = 'gh/acme/rocket';
const ROCKET_PAGE = '/catalog/default/component/rocket';
const WARM_PAGE = '/catalog/default/component/bucket';
/** The recent card's limit in app-config.yaml, plus the latest card's line. */
const CARD_LINES = 5 + 1;
/** Project → pipelines → workflows. */
export const CARD_FLOOR_ROUND_TRIPS = 3;

/** The latest card's DAG from Node through the proxy, as the guest user: the stack floor. */
async function nodeCardDag(urls, runs = 5) {
  const get = await proxyGetter(urls);
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const project = await get(`v2/project/${ROCKET}`);
    const branch = encodeURIComponent(project.vcs_info?.default_branch ?? 'main');
    const page = await get(`v2/project/${ROCKET}/pipeline?branch=${branch}`);
    await get(`v2/pipeline/${page.items[0].id}/workflow`);
    if (i > 0) times.push(performance.now() - t0);
  }
  return stat(times);
}

async function cardRun({ page, urls, fake, recorder, latency }) {
  await openApp(page, `${urls.app}${WARM_PAGE}`, () => {
    const lines = [...document.querySelectorAll('[data-testid="circleci-pipeline-line"]')];
    return lines.length > 0 && lines.every(l => !/Loading/.test(l.textContent ?? ''));
  });
  await page.click('a[href="/catalog"]');
  await page.waitForSelector(`a[href="${ROCKET_PAGE}"]`, { timeout: 60_000 });
  await fake.latency(latency);
  await fake.clearRequests();
  recorder.clear();
  const wallStart = Date.now();
  const { marks, error } = await page.evaluate(args => window.__bench.measure(args), {
    checks: ['latestCard', 'cardLines'],
    options: { cardLines: CARD_LINES },
    action: { type: 'click', selector: `a[href="${ROCKET_PAGE}"]` },
    timeoutMs: 60_000,
  });
  if (error) throw new Error(`cards at ${latency} ms: ${error}`);
  await sleep(Math.max(500, 2 * latency)); // let stragglers arrive
  const atFake = await fake.requests();
  return {
    latestCard: marks.latestCard.paint,
    cardLines: marks.cardLines.paint,
    browserRequests: recorder.since(wallStart).length,
    fakeRequests: atFake.length,
    paths: atFake.map(r => `${r.method} ${r.path}`),
  };
}

/** The cards at one latency on the new-frontend-system app: a warm-up, then `runs` measured runs. */
export async function measureCards({ context, urls, fake, latency, runs, say }) {
  await fake.reset('now');
  const page = await context.newPage();
  const recorder = recordRequests(page, urls.proxy);
  const samples = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const sample = await cardRun({ page, urls, fake, recorder, latency });
      if (i > 0) samples.push(sample);
    }
    await fake.latency(latency);
    const nodeDag = await nodeCardDag(urls);
    await fake.latency(0);
    const result = {
      latencyMs: latency,
      floorRoundTrips: CARD_FLOOR_ROUND_TRIPS,
      floorMs: CARD_FLOOR_ROUND_TRIPS * latency,
      latestCard: stat(samples.map(s => s.latestCard)),
      cardLines: stat(samples.map(s => s.cardLines)),
      nodeDag,
      requests: { fake: stat(samples.map(s => s.fakeRequests)), browser: stat(samples.map(s => s.browserRequests)) },
      lastPaths: samples.at(-1)?.paths,
    };
    say?.(`cards at ${latency} ms: latest card ${result.latestCard.median} ms (floor ${result.floorMs} ms, stack ${nodeDag.median} ms), ` +
      `all lines ${result.cardLines.median} ms, ${result.requests.fake.median} requests`);
    return result;
  } finally {
    await fake.latency(0);
    await page.close();
  }
}
