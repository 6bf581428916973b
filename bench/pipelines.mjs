/*
 * P1 (pipelines tab timing) and P2 (requests) against the dev stack.
 *
 * P1: the app is loaded on `/no-annotation` (a full page load, not timed:
 * the app bundle, sign-in and the plugin's lazy chunk are then warm, and
 * the plugin's cache is empty), the fake's latency is set, and the clock
 * starts right before a click on the sidebar link to `/rocket` (a
 * client-side navigation into the busy project's entity page). Stops:
 * `firstRow` (a pipeline row is painted) and `fullPage` (20 rows, none
 * still loading its workflows).
 *
 * P2: the first-page requests are those of the P1 runs; the 60-s windows
 * load several pages per scenario (each a separate run) and count their
 * requests after their first page is complete.
 */
import { inFlightDuplicates, openApp, pipelinesReady, recordRequests, repeatedPaths } from './browser.mjs';
import { stat } from './report.mjs';
import { guestToken } from '../dev/stack.mjs';
import { proxyGetter } from './stack.mjs';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
export const PAGE_SIZE = 20;
export const CONNECTIONS = 6;
const ROCKET = 'gh/acme/rocket';
const BUCKET = 'bb/acme/bucket';

/** Round trips of the first page's request DAG: the pipeline list, then 20 workflow lists 6 at a time. */
export const floorRoundTrips = (pipelines = PAGE_SIZE, connections = CONNECTIONS) =>
  1 + Math.ceil(pipelines / connections);

/** Median RTT of `GET v2/me` through the proxy, from Node, as the guest user. */
async function proxyRtt(urls, runs = 5) {
  const token = await guestToken({ backend: urls.backend });
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const response = await fetch(`${urls.proxy}v2/me`, { headers: { Authorization: `Bearer ${token}` } });
    await response.text();
    if (!response.ok) throw new Error(`proxy v2/me: HTTP ${response.status}`);
    if (i > 0) times.push(performance.now() - t0); // the first one opens the connection
  }
  return stat(times);
}

/**
 * The first page's request DAG run from Node through the same proxy, with
 * no browser and no rendering: the pipeline list, then its 20 workflow
 * lists over 6 connections. Median of `runs` after a warm-up. This is what
 * the stack itself (proxy, fake, this machine) costs: the browser figures
 * can only approach it.
 */
async function nodeDag(urls, runs = 5) {
  const get = await proxyGetter(urls);
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const page = await get(`v2/project/${ROCKET}/pipeline`);
    const ids = page.items.map(p => p.id);
    const worker = async () => {
      for (let id = ids.shift(); id; id = ids.shift()) await get(`v2/pipeline/${id}/workflow`);
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    if (i > 0) times.push(performance.now() - t0);
  }
  return stat(times);
}

async function navigationRun({ page, urls, fake, recorder, latency }) {
  await openApp(page, `${urls.app}/no-annotation`, () =>
    Boolean(document.querySelector('a[href="/rocket"]')) &&
    document.body.innerText.includes('Missing Annotation'));
  await fake.latency(latency);
  await fake.clearRequests();
  recorder.clear();
  const wallStart = Date.now();
  const { marks, error, t0 } = await page.evaluate(args => window.__bench.measure(args), {
    checks: ['firstRow', 'fullPage'],
    options: { rows: PAGE_SIZE },
    action: { type: 'click', selector: 'a[href="/rocket"]' },
    timeoutMs: 60_000,
  });
  if (error) throw new Error(`P1 at ${latency} ms: ${error}`);
  await sleep(Math.max(500, 2 * latency)); // let stragglers arrive
  const sent = recorder.since(wallStart);
  const waterfall = await page.evaluate(([prefix, start]) => window.__bench.waterfall(prefix, start), [urls.proxy, t0]);
  const atFake = await fake.requests();
  return {
    firstRow: marks.firstRow.paint,
    firstRowDom: marks.firstRow.dom,
    fullPage: marks.fullPage.paint,
    fullPageDom: marks.fullPage.dom,
    browserRequests: sent.length,
    fakeRequests: atFake.length,
    duplicates: inFlightDuplicates(sent),
    repeatedAtFake: repeatedPaths(atFake),
    paths: atFake.map(r => `${r.method} ${r.path}`),
    waterfall,
  };
}

/** P1 and the first-page part of P2 at one latency: a warm-up, then `runs` measured runs. */
export async function measureNavigation({ context, urls, fake, latency, runs, say }) {
  await fake.reset('now');
  const page = await context.newPage();
  const recorder = recordRequests(page, urls.proxy);
  const samples = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const sample = await navigationRun({ page, urls, fake, recorder, latency });
      if (i > 0) samples.push(sample);
      say(`P1 ${latency} ms ${i === 0 ? 'warm-up' : `run ${i}`}: first row ${sample.firstRow.toFixed(0)} ms, ` +
        `full page ${sample.fullPage.toFixed(0)} ms, ${sample.browserRequests} requests`);
    }
  } finally {
    await page.close();
  }
  await fake.latency(0);
  const rtt = await proxyRtt(urls);
  await fake.latency(latency);
  const rttAt = await proxyRtt(urls);
  const dag = await nodeDag(urls);
  await fake.latency(0);
  const pick = key => stat(samples.map(s => s[key]));
  const rounds = floorRoundTrips();
  return {
    latencyMs: latency,
    floorRoundTrips: rounds,
    floorMs: rounds * latency,
    firstRowTargetMs: latency + 100,
    firstRow: pick('firstRow'),
    firstRowDom: pick('firstRowDom'),
    fullPage: pick('fullPage'),
    fullPageDom: pick('fullPageDom'),
    proxyRttAt0: rtt,
    proxyRtt: rttAt,
    nodeDag: dag,
    requests: {
      browser: pick('browserRequests'),
      fake: pick('fakeRequests'),
      duplicates: pick('duplicates'),
      repeatedAtFake: pick('repeatedAtFake'),
      example: samples[0]?.paths,
    },
    // One run's requests through the proxy, ms after the click (resource timing).
    waterfall: samples[0]?.waterfall,
  };
}

/** Maps a fake request path to the project it belongs to. */
async function projectOfPath(fake, slugs) {
  const owners = new Map();
  for (const slug of slugs) {
    const page = await fake.api(`project/${slug}/pipeline`);
    for (const p of page.items) owners.set(p.id, slug);
  }
  return path => {
    for (const slug of slugs) if (path.includes(`project/${slug}/`)) return slug;
    const id = /pipeline\/([0-9a-f-]{36})/.exec(path)?.[1];
    return owners.get(id) ?? 'other';
  };
}

/**
 * Opens `count` pages per scenario, waits until each shows its first page,
 * then counts requests for `windowMs`. Scenario: `{ name, path, slug, count, hidden }`.
 */
export async function observeWindow({ context, urls, fake, latency, scenarios, windowMs, say, resetTo = 'now' }) {
  await fake.reset(resetTo);
  await fake.latency(latency);
  const ownerOf = await projectOfPath(fake, [...new Set(scenarios.map(s => s.slug))]);
  const open = [];
  try {
    for (const scenario of scenarios) {
      const first = await fake.api(`project/${scenario.slug}/pipeline`);
      const rows = Math.min(PAGE_SIZE, first.items.length);
      for (let i = 0; i < scenario.count; i++) {
        const page = await context.newPage();
        const recorder = recordRequests(page, urls.proxy);
        open.push({ scenario, page, recorder });
        await openApp(page, `${urls.app}${scenario.path}`, pipelinesReady, rows);
        if (scenario.hidden) await page.evaluate(() => window.__bench.hide());
      }
    }
    await sleep(1000); // first-page stragglers
    await fake.clearRequests();
    const start = Date.now();
    say(`P2 ${latency} ms: watching ${open.length} pages (${scenarios.map(s => `${s.count}× ${s.name}`).join(', ')}) for ${windowMs / 1000} s`);
    await sleep(windowMs);
    const end = Date.now();
    const atFake = await fake.requests();
    const result = {};
    for (const scenario of scenarios) {
      const mine = open.filter(o => o.scenario === scenario);
      const counts = mine.map(o => o.recorder.since(start).filter(e => e.sent < end).length);
      const fakeCount = atFake.filter(r => ownerOf(r.path) === scenario.slug).length;
      const shared = scenarios.filter(s => s.slug === scenario.slug).length > 1;
      result[scenario.name] = {
        page: scenario.path,
        windowS: windowMs / 1000,
        pages: mine.length,
        browser: stat(counts),
        // Requests for the scenario's project seen by the fake, all its pages together.
        fakeTotal: shared ? undefined : fakeCount,
        fakePerPage: shared ? undefined : fakeCount / mine.length,
        examples: [...new Set(mine[0]?.recorder.since(start).map(e => e.url.slice(urls.proxy.length)))].slice(0, 8),
      };
    }
    return result;
  } finally {
    for (const { page } of open) await page.close().catch(() => undefined);
    await fake.latency(0);
  }
}

/** The P2 windows at one latency. */
export async function measureWindows({ context, urls, fake, latency, runs, windowMs, say, settled }) {
  const n = runs;
  const a = await observeWindow({
    context, urls, fake, latency, windowMs, say,
    scenarios: [
      { name: 'idle', path: '/bitbucket', slug: BUCKET, count: n },
      { name: 'running', path: '/rocket', slug: ROCKET, count: n },
    ],
  });
  const b = await observeWindow({
    context, urls, fake, latency, windowMs, say,
    scenarios: [{ name: 'hidden', path: '/rocket', slug: ROCKET, count: n, hidden: true }],
  });
  const result = { ...a, ...b };
  if (settled) {
    // Rocket long after its running work finished (the on-hold approval stays on hold).
    const c = await observeWindow({
      context, urls, fake, latency, windowMs, say, resetTo: Date.now() - 3 * 3600_000,
      scenarios: [{ name: 'rocketSettled', path: '/rocket', slug: ROCKET, count: n }],
    });
    Object.assign(result, c);
  }
  return result;
}
