/*
 * The `modes` suite (issue 20): our plugin in proxy mode and in backend
 * mode, and the classic plugin, in the same run, at 100 ms upstream
 * latency. See docs/performance.md ("Proxy mode and backend mode").
 *
 * P1 side by side, alternating A B C D: the click from /no-annotation to
 * /rocket (as P1 and peer) in
 *   proxy    our production app with `circleci.backend.enabled: false`,
 *            through the Backstage proxy (the stack's backend);
 *   cold     the same build with `circleci.backend.enabled: true`, served
 *            with a backend that runs the CircleCI backend plugin (its
 *            default memory cache), nothing of rocket's first page fresh in
 *            the cache: the run waits until every entry of it has expired
 *            (lists 5 s, running work 10 s: COLD_AFTER_MS after the last
 *            backend-mode read of rocket), and the fake must see all 21
 *            reads (checked: `coldVerified`);
 *   warm     the same, right after another user (a Node client) read the
 *            tab's first page: the fake must see 0 reads (`warmVerified`);
 *   classic  the classic plugin's app (bench/peer.mjs), through the proxy.
 * Then the users part (bench/users.mjs).
 */
import { join } from 'node:path';
import { openApp, recordRequests } from './browser.mjs';
import { peerHelpers } from './peer/page.mjs';
import { stat } from './report.mjs';
import { startModesBackend } from './modes-backend.mjs';
import { startProdApp } from './stack.mjs';
import { measureUsers } from './users.mjs';
import { guestToken } from '../dev/stack.mjs';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const ROCKET = 'gh/acme/rocket';
/** The longest lifetime of an entry of the tab's first page (running work, 10 s), plus a margin. */
export const COLD_AFTER_MS = 11_000;
/** Upstream reads of rocket's first page: the pipeline list and 20 workflow lists. */
const FIRST_PAGE_READS = 21;
/** The aggregate reads 8 workflow lists at once (backend/src/routes/aggregate.ts, AGGREGATE_PARALLELISM). */
const AGGREGATE_PARALLELISM = 8;
export const MODES = ['proxy', 'cold', 'warm', 'classic'];
const ROWS = { proxy: 20, cold: 20, warm: 20, classic: 10 };

/** Reads rocket's first page through the backend plugin, as another user's tab does; resolves `{ ms, cache }`. */
async function readAggregate({ plugin, token }) {
  const t0 = performance.now();
  const response = await fetch(`${plugin}pipelines?project=${encodeURIComponent(ROCKET)}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`aggregate: HTTP ${response.status}`);
  return { ms: performance.now() - t0, cache: response.headers.get('x-circleci-cache') };
}

async function navigationRun({ page, app, mode, recorder, fake, latency, beforeClick }) {
  // A page in the background gets its frames and timers throttled (about 1 s): the clock needs the front.
  await page.bringToFront();
  await openApp(page, `${app.url}/no-annotation`, () =>
    Boolean(document.querySelector('a[href="/rocket"]')) && document.body.innerText.includes('Missing Annotation'));
  await fake.latency(latency);
  const before = await beforeClick?.();
  await fake.clearRequests();
  recorder.clear();
  const start = Date.now();
  const { marks, error } = await page.evaluate(args => window.__peer.measure(args), {
    kind: app.kind,
    rows: ROWS[mode],
    selector: 'a[href="/rocket"]',
  });
  if (error) throw new Error(`modes ${mode}: ${error}`);
  await sleep(Math.max(500, 2 * latency));
  const atFake = await fake.requests();
  const sent = recorder.since(start);
  // Away from the tab: no polling into the next run's counts, nothing kept fresh in the cache.
  await page.goto('about:blank');
  return {
    firstRow: marks.firstRow.paint,
    fullPage: marks.fullPage.paint,
    browserRequests: sent.length,
    fakeRequests: atFake.length,
    browserPaths: sent.map(e => e.url.slice(app.api.length)),
    otherUser: before,
  };
}

/** The aggregate from Node, cold (after COLD_AFTER_MS) and then warm, `samples` times: the backend's own cost. */
async function nodeAggregate({ plugin, token, fake, latency, samples, waitCold, markRead }) {
  const cold = [];
  const warm = [];
  for (let i = 0; i < samples; i++) {
    await waitCold();
    await fake.latency(latency);
    await fake.clearRequests();
    cold.push((await readAggregate({ plugin, token })).ms);
    const reads = (await fake.requests()).length;
    if (reads !== FIRST_PAGE_READS) throw new Error(`modes: a cold aggregate read ${reads} upstream, not ${FIRST_PAGE_READS}`);
    warm.push((await readAggregate({ plugin, token })).ms);
    markRead();
  }
  return { cold: stat(cold), warm: stat(warm) };
}

/**
 * Starts the suite's backend (with the CircleCI backend plugin) early, so
 * that it starts while the apps build; pass the promise to measureModes.
 */
export function startModesBackendEarly({ root, stack, logDir, say }) {
  const started = startModesBackend({ root, urls: stack.urls, token: stack.token, logPath: join(logDir, 'modes-backend.log'), say });
  started.catch(() => undefined); // awaited (and its failure reported) by measureModes
  return started;
}

/**
 * Runs the suite. `proxyApp` is our production app in proxy mode (its
 * build is reused for backend mode), `classicApp` the classic plugin's,
 * `backendStarting` the promise of startModesBackendEarly (the suite
 * stops that backend; `track(server)` hands the bench's cleanup what the
 * suite starts, for an abort).
 */
export async function measureModes({ root, context, stack, fake, proxyApp, classicApp, backendStarting, track, latency, runs, windowMs, quick, logDir, say }) {
  const t0 = Date.now();
  const backend = await (backendStarting ?? startModesBackendEarly({ root, stack, logDir, say }));
  let backendApp;
  try {
    backendApp = await startProdApp({
      root, urls: stack.urls, logPath: join(logDir, 'modes-app.log'), say,
      port: stack.urls.modesAppPort, backendPort: stack.urls.modesBackendPort, backendMode: true, from: proxyApp,
    });
    // Stopped here, or by the bench's cleanup when it aborts (once).
    const stopApp = backendApp.stop;
    let stopping;
    backendApp.stop = () => (stopping ??= stopApp());
    track?.(backendApp);
    const token = await guestToken({ backend: backend.url });
    let lastBackendRead = 0;
    const waitCold = async () => {
      const left = lastBackendRead + COLD_AFTER_MS - Date.now();
      if (left > 0) await sleep(left);
    };
    const markRead = () => {
      lastBackendRead = Date.now();
    };
    const setupS = Math.round((Date.now() - t0) / 1000);
    await context.addInitScript(peerHelpers);
    const apps = {
      proxy: { kind: 'ours', url: proxyApp.url, api: proxyApp.proxy },
      backend: { kind: 'ours', url: backendApp.url, api: backendApp.plugin },
      classic: { kind: 'classic', url: classicApp.url, api: `${classicApp.url}/api/proxy/circleci-classic/api/` },
    };
    const appOf = { proxy: 'proxy', cold: 'backend', warm: 'backend', classic: 'classic' };
    const pages = {};
    for (const [name, app] of Object.entries(apps)) {
      const page = await context.newPage();
      pages[name] = { page, recorder: recordRequests(page, app.api) };
    }
    const samples = Object.fromEntries(MODES.map(m => [m, []]));
    const t1 = Date.now();
    try {
      for (let i = 0; i <= runs; i++) {
        // Each round starts from the same project state (rocket "now": 3 running pipelines, 1 on hold).
        await fake.reset('now');
        for (const mode of MODES) {
          const app = apps[appOf[mode]];
          const { page, recorder } = pages[appOf[mode]];
          if (mode === 'cold') await waitCold();
          const beforeClick = mode === 'warm' ? () => readAggregate({ plugin: backend.plugin, token }) : undefined;
          const sample = await navigationRun({ page, app, mode, recorder, fake, latency, beforeClick });
          if (app === apps.backend) markRead();
          if (i > 0) samples[mode].push(sample);
          say(`modes ${mode} ${i === 0 ? 'warm-up' : `run ${i}`}: first row ${sample.firstRow.toFixed(0)} ms, ` +
            `full page ${sample.fullPage.toFixed(0)} ms, ${sample.browserRequests} browser / ${sample.fakeRequests} upstream requests` +
            `${sample.otherUser ? ` (other user before: ${sample.otherUser.ms.toFixed(0)} ms, ${sample.otherUser.cache})` : ''}`);
        }
      }
    } finally {
      for (const { page } of Object.values(pages)) await page.close().catch(() => undefined);
    }
    const p1S = Math.round((Date.now() - t1) / 1000);
    const t2 = Date.now();
    const node = quick
      ? undefined
      : await nodeAggregate({ plugin: backend.plugin, token, fake, latency, samples: 3, waitCold, markRead });
    await fake.latency(0);
    const nodeS = Math.round((Date.now() - t2) / 1000);
    const out = {
      latencyMs: latency,
      runs,
      coldAfterMs: COLD_AFTER_MS,
      // Cold: the pipeline list, then 20 workflow lists 8 at a time; warm: no upstream round trip.
      coldFloorRoundTrips: 1 + Math.ceil(20 / AGGREGATE_PARALLELISM),
      targets: { coldFullPageMs: 2 * latency + 60, warmFullPageMs: 100 },
      modes: {},
      nodeAggregate: node,
      backendStartS: backend.startS,
    };
    for (const mode of MODES) {
      const s = samples[mode];
      const pick = key => stat(s.map(x => x[key]));
      out.modes[mode] = {
        app: apps[appOf[mode]].url,
        rows: ROWS[mode],
        firstRow: pick('firstRow'),
        fullPage: pick('fullPage'),
        requests: { browser: pick('browserRequests'), fake: pick('fakeRequests'), browserExample: s[0]?.browserPaths },
      };
    }
    out.modes.cold.coldVerified = samples.cold.every(x => x.fakeRequests === FIRST_PAGE_READS);
    out.modes.warm.warmVerified = samples.warm.every(x => x.fakeRequests === 0);
    out.modes.warm.otherUser = { ms: stat(samples.warm.map(x => x.otherUser.ms)), cache: samples.warm.map(x => x.otherUser.cache) };
    say(`modes: P1 side by side ${p1S} s; now the users`);
    const t3 = Date.now();
    out.users = await measureUsers({
      context, fake, latency, windowMs, quick, say, waitCold,
      markBackendRead: markRead,
      apps: { proxy: proxyApp, backend: backendApp },
      bases: { proxy: stack.urls.proxy, backend: backend.plugin },
      tokens: { proxy: await guestToken({ backend: stack.urls.backend }), backend: token },
    });
    out.durationS = { setup: setupS, p1: p1S, nodeAggregate: nodeS, users: Math.round((Date.now() - t3) / 1000), total: Math.round((Date.now() - t0) / 1000) };
    return out;
  } finally {
    await backendApp?.stop();
    await backend.stop();
  }
}
