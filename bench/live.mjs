/*
 * The `live` suite (issue 22, point 7): requests per minute while N open
 * tabs watch a busy project (rocket, with running work and completions in
 * the window), with webhooks + signals and without (polling only).
 *
 * Its own dev stack (dev/stack.mjs in backend mode, the new-frontend-system
 * dev app with the signals plugin, the dev backend with the signals backend
 * and a webhook secret, the fake sending signed webhooks on completions) on
 * BENCH_LIVE_FAKE_PORT / BENCH_LIVE_BACKEND_PORT / BENCH_LIVE_APP_PORT
 * (7109 / 7111 / 3105), and its own headless Chromium. N tabs: 2 (--quick)
 * or 1 and 5, BENCH_LIVE_TABS=1,5; windows of 30 s (--quick) or 120 s,
 * BENCH_LIVE_WINDOW_S.
 *
 * Per variant and N, alternating (signals, polling, signals, ...): the fake
 * is reset (rocket "now": 4 pipelines with running work), N tabs of
 * rocket's CI/CD tab are opened and, once each shows its first page (and,
 * with signals, its probe was answered), the fake is reset again so that
 * #1265 completes 3 s later (with signals, every tab then has a completion
 * signal: the proof that webhooks arrive, which slows its polls to 30 s;
 * the other running pipelines complete later, their jobs on the way).
 * 5 s after that completion the window starts:
 * the tabs' requests to /api/circleci (reads and probes) and the fake's
 * requests (upstream, after the backend's shared cache) are counted for
 * `windowMs`. "polling" tabs have their signals WebSocket routed to nothing
 * (it opens, no message arrives: the probe goes unanswered and the tab
 * polls as without signals, as with a broken signals install); the
 * webhooks still reach the backend, which drops its cached answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.mjs';
import { createStack } from '../dev/stack.mjs';
import { fakeClient } from './stack.mjs';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const TAB = '/catalog/default/component/rocket/ci-cd';
/** The pipeline whose completion starts each window. */
const FIRST = 1265;
export const VARIANTS = ['signals', 'polling'];

/** The suite's ports (env BENCH_LIVE_FAKE_PORT, BENCH_LIVE_BACKEND_PORT, BENCH_LIVE_APP_PORT). */
export function livePorts(env = process.env) {
  return {
    fake: Number(env.BENCH_LIVE_FAKE_PORT || 7109),
    backend: Number(env.BENCH_LIVE_BACKEND_PORT || 7111),
    app: Number(env.BENCH_LIVE_APP_PORT || 3105),
  };
}

/** Opens one tab; resolves once its first page shows (and, with signals, its probe was answered). */
async function openTab({ context, app, backend, variant }) {
  const page = await context.newPage();
  if (variant === 'polling') await page.routeWebSocket(/\/api\/signals/, () => undefined);
  const plugin = `${backend}/api/circleci/`;
  const tab = { page, sent: [], signals: 0, signalTimes: [], answers: [], probeAnswered: false };
  page.on('request', request => {
    if (request.url().startsWith(plugin)) tab.sent.push({ at: Date.now(), path: request.url().slice(plugin.length), method: request.method() });
  });
  page.on('websocket', ws =>
    ws.on('framereceived', frame => {
      try {
        const message = JSON.parse(String(frame.payload))?.message;
        if (message?.kind === 'probe') {
          tab.probeAnswered = true;
          tab.answers.push(Date.now());
        } else if (message?.kind) {
          tab.signals += 1;
          tab.signalTimes.push(Date.now());
        }
      } catch {
        // not a signal
      }
    }),
  );
  await page.goto(`${app}${TAB}`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('row').filter({ hasText: /#\d+/ }).first().waitFor({ timeout: 120_000 });
  const deadline = Date.now() + 20_000;
  while (variant === 'signals' && !tab.probeAnswered) {
    if (Date.now() > deadline) throw new Error('live: a tab got no answer to its signals probe within 20 s');
    await sleep(100);
  }
  return tab;
}

/** How long after the fake's start time #1265's workflow completes (to the second). */
async function firstOffset(fake) {
  const startTime = Math.floor((Date.now() - 30 * 60_000) / 1000) * 1000;
  await fake.reset(startTime);
  const pipeline = (await fake.api('project/gh/acme/rocket/pipeline')).items.find(p => p.number === FIRST);
  const workflow = (await fake.api(`pipeline/${pipeline.id}/workflow`)).items[0];
  if (!workflow?.stopped_at) throw new Error(`live: #${FIRST} has not finished 30 min after the start`);
  return Date.parse(workflow.stopped_at) - startTime + 999;
}

async function runWindow({ context, urls, fake, variant, n, windowMs, offset }) {
  await fake.reset('now');
  const tabs = [];
  try {
    for (let i = 0; i < n; i++) tabs.push(await openTab({ context, app: urls.app, backend: urls.backend, variant }));
    const doneAt = Date.now() + 3_000;
    await fake.reset(doneAt - offset);
    const deadline = doneAt + 30_000;
    while (variant === 'signals' && tabs.some(t => t.signals === 0)) {
      if (Date.now() > deadline) throw new Error(`live: a tab got no completion signal within 30 s of #${FIRST}'s completion`);
      await sleep(100);
    }
    await sleep(Math.max(0, doneAt + 5_000 - Date.now()));
    await fake.clearRequests();
    const start = Date.now();
    const signalsBefore = tabs.reduce((a, t) => a + t.signals, 0);
    await sleep(windowMs);
    const end = Date.now();
    const upstream = (await fake.requests()).filter(r => !String(r.path).startsWith('__fake'));
    const inWindow = tabs.flatMap(t => t.sent.filter(s => s.at >= start && s.at < end));
    const probes = inWindow.filter(s => s.path === 'signals/probe').length;
    const reads = inWindow.length - probes;
    // A read within 1 s after a completion signal in its tab is one the signal named; the others are polls.
    const named = tabs
      .flatMap(t => t.sent.filter(s => s.at >= start && s.at < end && s.path !== 'signals/probe' && t.signalTimes.some(x => s.at >= x && s.at - x < 1000)))
      .length;
    const answers = tabs.flatMap(t => t.answers.filter(a => a >= start && a < end)).length;
    const perMin = count => Math.round((count * 60_000 * 10) / (end - start)) / 10;
    return {
      variant,
      n,
      windowS: Math.round((end - start) / 1000),
      browserReadsPerMin: perMin(reads),
      browserReadsPerMinPerTab: perMin(reads / n),
      signalReadsPerMinPerTab: perMin(named / n),
      pollsPerMinPerTab: perMin((reads - named) / n),
      probesAnswered: `${answers}/${probes}`,
      probesPerMinPerTab: perMin(probes / n),
      upstreamPerMin: perMin(upstream.length),
      upstreamPerMinPerTab: perMin(upstream.length / n),
      signalsPerTab: Math.round((tabs.reduce((a, t) => a + t.signals, 0) - signalsBefore) / n),
    };
  } finally {
    for (const tab of tabs) await tab.page.close().catch(() => undefined);
  }
}

/**
 * Runs the suite: `tabs` (N values) × the two variants, alternating, each
 * window `windowMs` long. `track(server)` hands the bench's cleanup what it
 * starts. Returns `{ windows: [...], durationS }`.
 */
export async function measureLive({
  quick,
  logDir,
  say,
  track,
  tabs = (process.env.BENCH_LIVE_TABS ?? (quick ? '2' : '1,5')).split(',').map(Number),
  windowMs = 1000 * Number(process.env.BENCH_LIVE_WINDOW_S ?? (quick ? 30 : 120)),
}) {
  const t0 = Date.now();
  const ports = livePorts();
  const stack = createStack({
    ports,
    token: `bench-live-${Math.random().toString(36).slice(2)}`,
    mode: 'backend',
    legacy: false,
    webhooks: true,
    logPath: join(logDir, 'live-stack.log'),
    timeoutsMs: { fake: 90_000, backend: 180_000, app: 300_000 },
  });
  track?.(stack);
  let context;
  const userDataDir = mkdtempSync(join(tmpdir(), 'circleci-bench-live-'));
  try {
    await stack.start();
    say(`stack up: fake ${stack.urls.fake}, backend ${stack.urls.backend}, app ${stack.urls.app} (${Math.round((Date.now() - t0) / 1000)} s)`);
    const fake = fakeClient({ fake: stack.urls.fake, token: stack.token });
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: process.env.BENCH_HEADFUL !== '1',
      viewport: { width: 1440, height: 1000 },
      args: CHROMIUM_ARGS,
    });
    // Warm-up: the dev app's bundle, once.
    const warm = await context.newPage();
    await warm.goto(`${stack.urls.app}${TAB}`, { waitUntil: 'domcontentloaded' });
    await warm.getByRole('row').filter({ hasText: /#\d+/ }).first().waitFor({ timeout: 300_000 });
    await warm.close();
    const offset = await firstOffset(fake);
    const windows = [];
    for (const n of tabs) {
      for (const variant of VARIANTS) {
        const w = await runWindow({ context, urls: stack.urls, fake, variant, n, windowMs, offset });
        windows.push(w);
        say(
          `live ${variant} ×${n} tabs, ${w.windowS} s: ${w.browserReadsPerMinPerTab} reads/min (${w.pollsPerMinPerTab} polls, ${w.signalReadsPerMinPerTab} named by signals) ` +
            `and ${w.probesPerMinPerTab} probes/min (answered ${w.probesAnswered}) per tab ` +
            `at the browser, ${w.upstreamPerMin} upstream/min at the fake (${w.upstreamPerMinPerTab} per tab), ${w.signalsPerTab} signals per tab`,
        );
      }
    }
    return { windowMs, tabs, windows, durationS: Math.round((Date.now() - t0) / 1000) };
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
    await stack.stop();
  }
}

/** The suite's table (also used in docs/performance.md). */
export function formatLive(live) {
  if (!live) return '';
  const out = [
    `| Live updates: requests per minute per open tab, rocket busy, ${live.windowMs / 1000}-s windows | tabs | reads at the browser (polls + named by a signal) | probes (answered/sent in all) | upstream at the fake (per tab) | signals per tab |`,
    '|---|---|---|---|---|---|',
  ];
  for (const w of live.windows) {
    const name = w.variant === 'signals' ? 'webhooks + signals (live)' : 'polling only (signals silent)';
    out.push(
      `| ${name} | ${w.n} | ${w.browserReadsPerMinPerTab} (${w.pollsPerMinPerTab} + ${w.signalReadsPerMinPerTab}) | ${w.probesPerMinPerTab} (${w.probesAnswered}) | ` +
        `${w.upstreamPerMin} (${w.upstreamPerMinPerTab}) | ${w.signalsPerTab} |`,
    );
  }
  return out.join('\n');
}
