#!/usr/bin/env node
/*
 * `npm run bench`: the plugin's benchmark (see docs/performance.md).
 *
 * Starts its own dev stack (dev/stack.mjs, as `npm start` does: fake
 * CircleCI + the real Backstage backend with the proxy + the dev app) on
 * ports 7199 / 7107 / 3100 (BENCH_FAKE_PORT, BENCH_BACKEND_PORT,
 * BENCH_APP_PORT), so it can run next to the e2e test, plus a production
 * build of the dev app served with the backend on one origin on 3101
 * (BENCH_PROD_APP_PORT), and measures in headless Chromium:
 *   P1  pipelines tab: first row and full first page, against the DAG floor
 *   P2  requests: first page, duplicates, 60 s idle / running / hidden
 *   P3  the huge step log: first lines, first search hit, JS heap
 *   P4  bundle size from a production build (no stack needed), both systems
 *   cards  the entity cards' time to paint on the new-frontend-system app
 *          (a production build of dev/app on 3102, BENCH_NFS_APP_PORT), at
 *          100 ms, against their DAG floor (project → pipelines → workflows)
 *   peer   side by side with the classic CircleCI plugin (bench/peer.mjs;
 *          its production build served on 3103, BENCH_PEER_APP_PORT), A B A B
 *   scaling  how cost grows: pages loaded, projects per entity, running
 *          work (bench/scaling.mjs)
 *   insights  the Insights view at 100 ms: metrics and every chart painted,
 *          against its 2-round-trip DAG floor (bench/insights.mjs)
 *   commits  the commit view at 100 ms: time to the first match for a commit
 *          on page 1 and on page 5, and the requests spent on a commit that
 *          is not found (bench/commits.mjs)
 *   modes  proxy mode against backend mode (issue 20, bench/modes.mjs): P1
 *          at 100 ms in proxy mode, backend mode with a cold and a warm
 *          shared cache, and the classic plugin, A B C D; then upstream
 *          requests per minute for 1, 10 and 50 users watching rocket
 *          (bench/users.mjs). Starts its own backend with the CircleCI
 *          backend plugin (7108, BENCH_MODES_BACKEND_PORT) and serves our
 *          build in backend mode with it (3104, BENCH_MODES_APP_PORT); the
 *          stack's backend is proxy-only, and every other suite measures
 *          proxy mode.
 *   live   requests per minute per open tab of a busy project, with
 *          webhooks + signals and with polling only (issue 22,
 *          bench/live.mjs): its own backend-mode dev stack with webhooks on
 *          7109 / 7111 / 3105 (BENCH_LIVE_FAKE_PORT, BENCH_LIVE_BACKEND_PORT,
 *          BENCH_LIVE_APP_PORT); --quick: 2 tabs, 30-s windows.
 * Prints the tables and the targets, writes bench/results/latest.json and
 * bench/results/latest.md. Exits 1 only when the harness breaks, never
 * because a target is missed.
 *
 * Flags: --quick (1 run, 100 ms, 5-s windows, one page per scenario, the
 * smallest log the fake serves, P1 only on the dev server; writes
 * bench/results/quick.tmp), --runs N,
 * --latencies 10,100,300, --window-s 60, --log-lines 10000,50000,200000,
 * --only p1,p2,p3,p4,cards,peer,scaling,commits,insights,modes,live, --app prod,dev (which apps; the first is judged against
 * the targets and gets P2), --out FILE.
 * Env: CHROMIUM_PATH, BENCH_HEADFUL=1, BENCH_TIMEOUT_MS, BENCH_REUSE_STACK=1 (use
 * a stack already running on the benchmark ports; token FAKE_CIRCLECI_TOKEN).
 */
/* eslint-disable no-console */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';
import { measureCards } from './cards.mjs';
import { formatCommits, measureCommits } from './commits.mjs';
import { measureInsights } from './insights.mjs';
import { measureLogs } from './logs.mjs';
import { measureModes, startModesBackendEarly } from './modes.mjs';
import { measureLive } from './live.mjs';
import { measurePeer, startClassicApp } from './peer.mjs';
import { measureScaling } from './scaling.mjs';
import { measureNavigation, measureWindows } from './pipelines.mjs';
import { checkResults as check } from './check.mjs';
import { evaluateTargets, formatTable, formatTargets } from './report.mjs';
import { measureSize } from './size.mjs';
import { createBenchStack, fakeClient, startProdApp } from './stack.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    latencies: { type: 'string' },
    'window-s': { type: 'string' },
    'log-lines': { type: 'string' },
    only: { type: 'string' },
    app: { type: 'string' },
    out: { type: 'string' },
  },
});
const list = (value, fallback) => (value ? value.split(',').map(Number) : fallback);
const quick = flags.quick;
const config = {
  mode: quick ? 'quick' : 'full',
  runs: Number(flags.runs ?? (quick ? 1 : 5)),
  latencies: list(flags.latencies, quick ? [100] : [10, 100, 300]),
  windowMs: 1000 * Number(flags['window-s'] ?? (quick ? 5 : 60)),
  logLines: list(flags['log-lines'], quick ? [10_000] : [10_000, 50_000, 200_000]),
  suites: new Set((flags.only ?? 'p1,p2,p3,p4,cards,peer,scaling,commits,insights,modes,live').split(',')),
  // The first is the one the targets are judged on; P2 runs on it only.
  apps: (flags.app ?? 'prod,dev').split(','),
  targetLatencyMs: 100,
};
const out = flags.out ?? join(resultsDir, quick ? 'quick.tmp' : 'latest.json');
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? (quick ? 600_000 : 2_400_000));

const startedAt = Date.now();
const say = msg => console.log(`[bench +${((Date.now() - startedAt) / 1000).toFixed(0)}s] ${msg}`);

let stack;
let prodApp;
let nfsApp;
let classicApp;
let modesBackend;
/** What a suite started itself, stopped on an abort too (`{ stop() }`, idempotent). */
const tracked = [];
let browser;
let stopping = false;
async function cleanup() {
  await browser?.close();
  for (const server of tracked.reverse()) await server.stop().catch(() => undefined);
  await classicApp?.stop();
  await (await modesBackend?.catch(() => undefined))?.stop();
  await prodApp?.stop();
  await nfsApp?.stop();
  await stack?.stop();
}
async function abort(reason) {
  if (stopping) return;
  stopping = true;
  say(`${reason}: stopping`);
  await cleanup();
  process.exit(1);
}
const timer = setTimeout(() => abort(`global timeout (${timeoutMs / 1000} s)`), timeoutMs);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => abort(signal));

function git(...args) {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

async function main() {
  const results = {
    meta: {
      date: new Date().toISOString(),
      mode: config.mode,
      runs: config.runs,
      warmUpRuns: 1,
      latenciesMs: config.latencies,
      windowMs: config.windowMs,
      targetLatencyMs: config.targetLatencyMs,
      commit: git('rev-parse', 'HEAD'),
      dirtyFiles: git('status', '--porcelain')?.split('\n').filter(Boolean).length,
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      loadAvgStart: os.loadavg().map(v => Math.round(v * 100) / 100),
    },
  };
  if (config.suites.has('p4')) {
    say('P4: production build of the package');
    results.p4 = await measureSize({ root, say });
  }
  const needStack = ['p1', 'p2', 'p3', 'cards', 'peer', 'scaling', 'commits', 'insights', 'modes'].some(s => config.suites.has(s));
  if (needStack) {
    // The peer's proxy endpoint (the classic plugin's v1.1 one), on top of app-config.yaml.
    process.env.DEV_BACKEND_EXTRA_CONFIG ??= join(root, 'bench', 'peer', 'app-config.peer.yaml');
    say(`starting the dev stack (log: ${relative(root, join(resultsDir, 'stack.log'))})`);
    stack = createBenchStack({ logPath: join(resultsDir, 'stack.log'), say });
    await stack.start();
    const fake = fakeClient({ fake: stack.urls.fake, token: stack.token });
    // The modes suite's backend (with the backend plugin) starts while the apps build.
    if (config.suites.has('modes')) modesBackend = startModesBackendEarly({ root, stack, logDir: resultsDir, say: msg => say(`[modes] ${msg}`) });
    const apps = {};
    const legacySuites = ['p1', 'p2', 'p3'].some(s => config.suites.has(s));
    // peer, scaling, insights and modes measure our production app.
    const appNames = legacySuites ? config.apps : [];
    if (['peer', 'scaling', 'insights', 'modes'].some(s => config.suites.has(s)) && !appNames.includes('prod')) appNames.push('prod');
    for (const name of appNames) {
      if (name === 'dev') apps.dev = { app: stack.urls.app, proxy: stack.urls.proxy };
      else if (name === 'prod') {
        prodApp = await startProdApp({ root, urls: stack.urls, logPath: join(resultsDir, 'app.log'), say });
        apps.prod = { app: prodApp.url, proxy: prodApp.proxy };
        results.meta.prodAppBuildS = prodApp.buildS;
      } else throw new Error(`unknown --app ${name} (prod or dev)`);
    }
    browser = await launchBrowser();
    const { context } = browser;
    const probe = await context.newPage();
    const cdp = await context.newCDPSession(probe);
    results.meta.chromium = (await cdp.send('Browser.getVersion')).product;
    for (const [name, app] of Object.entries(apps)) {
      say(`warming up the ${name} app (${app.app})`);
      await probe.goto(`${app.app}/no-annotation`, { waitUntil: 'load', timeout: 300_000 });
      await probe.waitForFunction(() => document.body.innerText.includes('Missing Annotation'), undefined, { timeout: 300_000 });
    }
    if (config.suites.has('cards')) {
      nfsApp = await startProdApp({
        root,
        urls: stack.urls,
        logPath: join(resultsDir, 'nfs-app.log'),
        say,
        entry: 'dev/app/index',
        port: stack.urls.nfsAppPort,
      });
      results.meta.nfsAppBuildS = nfsApp.buildS;
      say(`warming up the new-frontend-system app (${nfsApp.url})`);
      await probe.goto(`${nfsApp.url}/catalog`, { waitUntil: 'load', timeout: 300_000 });
      await probe.waitForSelector('a[href="/catalog/default/component/rocket"]', { timeout: 300_000 });
    }
    await probe.close();
    results.meta.apps = Object.fromEntries(Object.entries(apps).map(([k, v]) => [k, v.app]));
    results.meta.primaryApp = config.apps[0];

    for (const [index, [name, app]] of Object.entries(apps).entries()) {
      const primary = index === 0;
      const into = primary ? results : (results[name] ??= {});
      const common = { context, urls: { ...stack.urls, ...app }, fake, say: msg => say(`[${name}] ${msg}`) };
      if (config.suites.has('p1')) {
        into.p1 = {};
        for (const latency of config.latencies) {
          into.p1[latency] = await measureNavigation({ ...common, latency, runs: config.runs });
        }
      }
      if (config.suites.has('p3') && (primary || !quick)) {
        // Quick mode and the secondary app: one size only (the smallest, resp. the largest).
        let sizes = primary ? config.logLines : [Math.max(...config.logLines)];
        if (quick) sizes = [Math.min(...config.logLines)];
        into.p3 = await measureLogs({ ...common, sizes, runs: config.runs, latency: config.targetLatencyMs });
      }
      if (config.suites.has('p2') && primary) {
        into.p2 = {};
        for (const latency of config.latencies) {
          into.p2[latency] = await measureWindows({
            ...common,
            latency,
            runs: quick ? 1 : config.runs,
            windowMs: config.windowMs,
            settled: latency === config.targetLatencyMs && !quick,
          });
        }
      }
    }
  }
  if (config.suites.has('insights')) {
    results.insights = await measureInsights({
      context: browser.context,
      urls: { ...stack.urls, app: prodApp.url, proxy: prodApp.proxy },
      fake: fakeClient({ fake: stack.urls.fake, token: stack.token }),
      latency: config.targetLatencyMs,
      runs: config.runs,
      say: msg => say(`[prod] ${msg}`),
    });
  }
  if (config.suites.has('commits')) {
    // The commit view on the dev server's legacy app (`/monorepo-api`), at the target latency.
    results.commits = await measureCommits({
      context: browser.context,
      urls: stack.urls,
      fake: fakeClient({ fake: stack.urls.fake, token: stack.token }),
      latency: config.targetLatencyMs,
      runs: config.runs,
      say: msg => say(`[dev] ${msg}`),
    });
  }
  if (nfsApp) {
    results.cards = await measureCards({
      context: browser.context,
      urls: { ...stack.urls, app: nfsApp.url, proxy: nfsApp.proxy },
      fake: fakeClient({ fake: stack.urls.fake, token: stack.token }),
      latency: config.targetLatencyMs,
      runs: config.runs,
      say: msg => say(`[nfs prod] ${msg}`),
    });
    results.meta.apps = { ...results.meta.apps, nfs: nfsApp.url };
  }
  if (config.suites.has('peer') || config.suites.has('modes')) {
    // The classic plugin's app, built once for both suites.
    classicApp = await startClassicApp({ root, stack, say: msg => say(`[peer] ${msg}`), logDir: resultsDir });
    results.meta.classicAppBuildS = classicApp.buildS;
  }
  if (config.suites.has('peer')) {
    say('peer: the classic CircleCI plugin side by side (build, then A B A B)');
    results.peer = await measurePeer({
      root,
      context: browser.context,
      stack,
      fake: fakeClient({ fake: stack.urls.fake, token: stack.token }),
      ours: { url: prodApp.url, proxy: prodApp.proxy },
      classic: classicApp,
      latency: config.targetLatencyMs,
      runs: config.runs,
      windowMs: config.windowMs,
      logDir: resultsDir,
      say: msg => say(`[peer] ${msg}`),
    });
    say(`peer: ${results.peer.durationS} s`);
  }
  if (config.suites.has('modes')) {
    say('modes: proxy mode, backend mode (cold, warm) and the classic plugin, A B C D; then the users');
    results.modes = await measureModes({
      root,
      context: browser.context,
      stack,
      fake: fakeClient({ fake: stack.urls.fake, token: stack.token }),
      proxyApp: prodApp,
      classicApp,
      backendStarting: modesBackend,
      track: server => tracked.push(server),
      latency: config.targetLatencyMs,
      runs: config.runs,
      windowMs: config.windowMs,
      quick,
      logDir: resultsDir,
      say: msg => say(`[modes] ${msg}`),
    });
    say(`modes: ${results.modes.durationS.total} s (${JSON.stringify(results.modes.durationS)})`);
  }
  if (config.suites.has('scaling')) {
    say('scaling: pages, projects, running work');
    results.scaling = await measureScaling({
      context: browser.context,
      app: { url: prodApp.url, proxy: prodApp.proxy },
      fake: fakeClient({ fake: stack.urls.fake, token: stack.token }),
      fakeUrl: stack.urls.fake,
      token: stack.token,
      latency: config.targetLatencyMs,
      runs: config.runs,
      windowMs: config.windowMs,
      quick,
      p3: results.p3,
      say: msg => say(`[scaling] ${msg}`),
    });
    say(`scaling: ${results.scaling.durationS} s`);
  }
  if (config.suites.has('live')) {
    say('live: N open tabs of a busy project, with webhooks + signals and with polling only');
    results.live = await measureLive({ quick, logDir: resultsDir, track: server => tracked.push(server), say: msg => say(`[live] ${msg}`) });
    say(`live: ${results.live.durationS} s`);
  }
  results.meta.loadAvgEnd = os.loadavg().map(v => Math.round(v * 100) / 100);
  results.meta.durationS = Math.round((Date.now() - startedAt) / 1000);
  check(results);
  results.targets = evaluateTargets(results);
  const tables = formatTable(results);
  const targets = formatTargets(results.targets);
  console.log(`\n${tables}\n\n${formatCommits(results.commits)}\n\n${targets}\n`);
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  if (!flags.out && !quick) writeFileSync(join(resultsDir, 'latest.md'), `${tables}\n\n${targets}\n`);
  say(`wrote ${relative(root, out)} (${results.meta.durationS} s)`);
}

main()
  .then(async () => {
    clearTimeout(timer);
    stopping = true;
    await cleanup();
    process.exit(0);
  })
  .catch(async error => {
    console.error(`[bench] harness failed: ${error?.stack ?? error}`);
    if (stack) console.error(`--- last lines of the stack log ---\n${stack.tail()}\n---`);
    clearTimeout(timer);
    stopping = true;
    await cleanup();
    process.exit(1);
  });
