/*
 * The users part of the `modes` suite: upstream requests per minute (at
 * the fake) while N users watch a busy project's pipelines tab (rocket,
 * reset to "now": 4 pipelines with running work, polled every 10 s), in
 * proxy mode and in backend mode, alternating.
 *
 * Users: 1 real Chromium tab of the plugin per mode (production builds,
 * the tab loaded at /rocket) and Node clients that replay the tab's
 * requests (bench/replay.mjs) for 1, 10 and 50 users; the 1-user replay is
 * compared with the Chromium tab, request by request kind. The N users
 * arrive evenly spread over the first `spreadMs` of the window (10 s, one
 * poll interval). Reported per window: all upstream requests per minute,
 * and per minute while every user watches (from the moment the last one
 * has its first page), and the requests the users sent to Backstage.
 * Each backend-mode window starts with nothing of rocket fresh in the cache.
 */
import { openApp, pipelinesReady, recordRequests } from './browser.mjs';
import { simulatedUser } from './replay.mjs';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const ROCKET = 'gh/acme/rocket';
const PAGE_ROWS = 20;

/** What a path read: the pipeline list, a workflow list, or something else. */
export function kindOf(path) {
  if (/^v2\/project\/[^?]+\/pipeline(\?|$)/.test(path)) return 'pipelines';
  if (/^v2\/pipeline\/[^/]+\/workflow(\?|$)/.test(path)) return 'workflows';
  return 'other';
}

function countKinds(paths) {
  const out = { pipelines: 0, workflows: 0, other: 0 };
  for (const p of paths) out[kindOf(p)] += 1;
  return out;
}

/** A user: a Chromium tab of the app, or a Node replay. `start()` resolves once its first page is complete. */
function makeUser({ kind, mode, context, app, base, token }) {
  if (kind === 'node') {
    const user = simulatedUser({ mode, base, token, slug: ROCKET });
    return { start: user.start, stop: user.stop, sent: () => user.sent, errors: () => user.errors };
  }
  let page;
  let recorder;
  const prefix = mode === 'backend' ? app.plugin : app.proxy;
  return {
    async start() {
      page = await context.newPage();
      recorder = recordRequests(page, prefix);
      await openApp(page, `${app.url}/rocket`, pipelinesReady, PAGE_ROWS);
    },
    stop: () => page?.close().catch(() => undefined),
    sent: () => recorder?.entries.length ?? 0,
    errors: () => 0,
  };
}

async function runWindow({ kind, mode, n, context, apps, bases, tokens, fake, latency, windowMs, spreadMs }) {
  await fake.reset('now');
  await fake.latency(latency);
  await fake.clearRequests();
  const start = Date.now();
  const end = start + windowMs;
  const users = Array.from({ length: n }, () =>
    makeUser({ kind, mode, context, app: apps[mode], base: bases[mode], token: tokens[mode] }));
  const firstPages = [];
  const arrivals = users.map(async (user, i) => {
    await sleep(start + (i * spreadMs) / n - Date.now());
    await user.start();
    firstPages.push(Date.now());
  });
  let failed;
  const all = Promise.all(arrivals).catch(error => {
    failed = error;
  });
  await sleep(end - Date.now());
  await all.then(() => undefined);
  for (const user of users) await user.stop();
  if (failed) throw new Error(`users ${mode} ${kind} ×${n}: ${failed.message ?? failed}`);
  const errors = users.reduce((a, u) => a + u.errors(), 0);
  if (errors) throw new Error(`users ${mode} ${kind} ×${n}: ${errors} requests failed`);
  if (firstPages.length < n) throw new Error(`users ${mode} ${kind} ×${n}: only ${firstPages.length} first pages in the window`);
  const records = (await fake.requests()).filter(r => r.time >= start && r.time <= end);
  const watchingFrom = Math.max(...firstPages);
  const watching = records.filter(r => r.time >= watchingFrom);
  const perMin = (count, ms) => (ms > 0 ? Math.round((count * 60_000 * 10) / ms) / 10 : NaN);
  const sent = users.reduce((a, u) => a + u.sent(), 0);
  return {
    kind,
    mode,
    users: n,
    windowS: windowMs / 1000,
    spreadS: spreadMs / 1000,
    upstream: records.length,
    upstreamPerMin: perMin(records.length, windowMs),
    upstreamKinds: countKinds(records.map(r => r.path)),
    watchingS: Math.round((end - watchingFrom) / 100) / 10,
    watchingUpstream: watching.length,
    watchingPerMin: perMin(watching.length, end - watchingFrom),
    watchingKinds: countKinds(watching.map(r => r.path)),
    toBackstage: sent,
    toBackstagePerMin: perMin(sent, windowMs),
    lastFirstPageS: Math.round((watchingFrom - start) / 100) / 10,
  };
}

/**
 * Runs the users windows: the Chromium tab and the replay of 1 user, then
 * 10 and 50 replayed users (quick: 10 replayed users, a 12-s window, 2-s
 * spread), proxy then backend each time.
 */
export async function measureUsers({ context, fake, latency, windowMs, quick, say, waitCold, markBackendRead, apps, bases, tokens }) {
  const win = quick ? Math.max(windowMs, 12_000) : windowMs;
  const spreadMs = quick ? 2_000 : Math.min(10_000, win / 2);
  // Quick (CI: the harness still works): 10 replayed users per mode only.
  const plan = quick
    ? [{ kind: 'node', n: 10 }]
    : [{ kind: 'chromium', n: 1 }, { kind: 'node', n: 1 }, { kind: 'node', n: 10 }, { kind: 'node', n: 50 }];
  const windows = [];
  try {
    for (const { kind, n } of plan) {
      for (const mode of ['proxy', 'backend']) {
        if (mode === 'backend') await waitCold();
        say(`users: ${n} ${kind === 'node' ? 'replayed' : 'Chromium'} user(s), ${mode} mode, ${win / 1000} s`);
        const w = await runWindow({ kind, mode, n, context, apps, bases, tokens, fake, latency, windowMs: win, spreadMs });
        if (mode === 'backend') markBackendRead();
        say(`users: ${n} ${kind} ${mode}: ${w.upstreamPerMin}/min upstream (${w.watchingPerMin}/min watching), ` +
          `${w.toBackstagePerMin}/min to Backstage`);
        windows.push(w);
      }
    }
  } finally {
    await fake.latency(0);
  }
  return { windowS: win / 1000, spreadS: spreadMs / 1000, slug: ROCKET, windows };
}
