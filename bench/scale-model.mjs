#!/usr/bin/env node
/*
 * The paper model of docs/scale.md: requests per minute to CircleCI for an
 * organisation, from the per-view request counts the peer suite measured
 * (`node bench/scale-model.mjs [results.json] [modes.json]`, default
 * bench/results/peer-scaling.json, else latest.json; the modes suite's
 * results, default bench/results/modes.json, are set against the model's
 * prediction for one busy project). Prints Markdown.
 *
 * Model (every assumption is a constant below):
 *  - D developers, SHARE of them on a CircleCI tab at any time in work hours;
 *  - P projects, views spread evenly over them;
 *  - of the views, LIST on a project's pipeline list (BUSY of those on a
 *    project with running work), the rest on the page of a running job
 *    (JOBS running jobs per project are looked at);
 *  - every viewer opens a new view every NAV_MIN minutes, paying the
 *    measured first-page requests;
 *  - steady polling = the measured requests per page per minute of each view.
 * Shared cache: one entry per URL for its lifetime; with requests for a URL
 * arriving at rate λ (Poisson), the upstream rate of that URL is
 * λ / (1 + λ·TTL). Our backend mode uses the backend plugin's lifetimes
 * (LIST_MIN for the first page's URLs, lists; LIVE_MIN for the polled URLs
 * of running work, which, polled on a timer, go upstream at min(λ, 1/TTL));
 * the classic plugin, which has no backend, gets a
 * hypothetical 10-s cache (TTL_MIN). URLs: a list view's first page fetches FIRST_URLS URLs
 * (ours: the pipeline list and one workflow list per pipeline; classic: its
 * two builds-list calls); polling spreads over the distinct URLs the window
 * saw (at least 1).
 */
/* eslint-disable no-console */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SHARE = 0.2;
const P = 200;
const LIST = 0.8;
const BUSY = 0.5;
const JOBS = 2;
const NAV_MIN = 3;
const TTL_MIN = 10 / 60;
/** The backend plugin's lifetimes (common/src/endpoints/lifetimes.ts): lists 5 s, running work 10 s. */
const LIST_MIN = 5 / 60;
const LIVE_MIN = 10 / 60;
const DEVELOPERS = [50, 500, 5000];
/** Assumed per-token limits to show where each setup hits one (not CircleCI figures). */
const LIMITS = [300, 1000, 3000, 10_000];

const upstreamFor = ttl => lambda => lambda / (1 + lambda * ttl);
/**
 * A URL polled by tabs on a timer (every 10 s, not Poisson arrivals) goes
 * upstream at most once per lifetime: min(λ, 1 / TTL). The users suite
 * measured this for 1, 10 and 50 tabs watching one busy project.
 */
const polledFor = ttl => lambda => Math.min(lambda, 1 / ttl);

/**
 * Requests/min to CircleCI for `d` developers, without and with the cache,
 * for one plugin's figures; `backend` uses the backend plugin's lifetimes.
 */
export function model(d, f, { backend = false } = {}) {
  const firstUp = upstreamFor(backend ? LIST_MIN : TTL_MIN);
  const polledUp = backend ? polledFor(LIVE_MIN) : upstreamFor(TTL_MIN);
  const viewers = SHARE * d;
  const perProject = viewers / P;
  const list = perProject * LIST;
  const job = perProject * (1 - LIST);
  const navPerMin = (list + job) / NAV_MIN;
  const uncached =
    P * (navPerMin * f.firstPage + list * BUSY * f.busy + list * (1 - BUSY) * f.idle + job * f.job);
  // Cached, per URL: the first-page URLs of each project (every navigation asks each once),
  // the polled URLs of busy and idle lists, and those of the watched running jobs.
  const each = (urls, lambda) => (lambda > 0 ? urls * polledUp(lambda / urls) : 0);
  const cached =
    P * f.firstPageUrls * firstUp(navPerMin) +
    P * BUSY * each(f.busyUrls, list * f.busy) +
    P * (1 - BUSY) * each(1, list * f.idle) +
    P * JOBS * each(f.jobUrls, (job / JOBS) * f.job);
  return { viewers, uncached, cached, perDeveloper: uncached / d };
}

/** One busy project watched by `n` users (no navigation): upstream requests/min through the proxy and the backend. */
export function watchers(n, f) {
  return { proxy: n * f.busy, backend: f.busyUrls * polledFor(LIVE_MIN)((n * f.busy) / f.busyUrls) };
}

/** The per-view figures of one plugin from a results file. */
export function figures(app) {
  const med = s => s?.median ?? 0;
  const perMin = (w, windowS) => (med(w?.browser) * 60) / windowS;
  return (windowS, firstPageUrls) => ({
    firstPage: med(app.requests.fake),
    firstPageUrls,
    idle: perMin(app.idle, windowS),
    busy: perMin(app.busy, windowS),
    busyUrls: Math.max(1, app.busy?.examples?.length ?? 1),
    job: perMin(app.job, windowS),
    jobUrls: Math.max(1, app.job?.examples?.length ?? 1),
  });
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const file = process.argv[2] ?? [join(root, 'bench/results/peer-scaling.json'), join(root, 'bench/results/latest.json')].find(existsSync);
  const peer = JSON.parse(readFileSync(file, 'utf8')).peer;
  if (!peer) throw new Error(`${file} has no peer results`);
  const f = {
    ours: figures(peer.apps.ours)(peer.windowS, peer.apps.ours.requests.fake.median),
    classic: figures(peer.apps.classic)(peer.windowS, peer.apps.classic.requests.fake.median),
  };
  console.log(`Figures from ${file} (${peer.runs} runs, ${peer.windowS}-s windows):`);
  for (const [k, v] of Object.entries(f)) console.log(`- ${k}: ${JSON.stringify(v)}`);
  const modesFile = process.argv[3] ?? join(root, 'bench/results/modes.json');
  const users = existsSync(modesFile) ? JSON.parse(readFileSync(modesFile, 'utf8')).modes?.users : undefined;
  if (users) {
    console.log(`\nOne busy project (${users.slug}), model against the users suite (${modesFile}, upstream / min while all watch):`);
    console.log('\n| users | proxy, model | proxy, measured | backend, model | backend, measured |');
    console.log('|---|---|---|---|---|');
    for (const w of users.windows.filter(x => x.kind === 'node' && x.mode === 'backend')) {
      const p = users.windows.find(x => x.kind === 'node' && x.mode === 'proxy' && x.users === w.users);
      const m = watchers(w.users, f.ours);
      console.log(`| ${w.users} | ${m.proxy.toFixed(0)} | ${p?.watchingPerMin ?? '—'} | ${m.backend.toFixed(1)} | ${w.watchingPerMin} |`);
    }
  }
  console.log('\n| developers | viewers | ours, proxy mode (no cache) | ours, backend mode (its shared cache) | classic, no cache | classic, hypothetical 10-s shared cache |');
  console.log('|---|---|---|---|---|---|');
  for (const d of DEVELOPERS) {
    const o = { ...model(d, f.ours), cached: model(d, f.ours, { backend: true }).cached };
    const c = model(d, f.classic);
    const n = v => Math.round(v).toLocaleString('en');
    console.log(`| ${d.toLocaleString('en')} | ${n(o.viewers)} | ${n(o.uncached)} | ${n(o.cached)} | ${n(c.uncached)} | ${n(c.cached)} |`);
  }
  // Where an assumed per-token limit L (requests/min; CircleCI publishes none) is reached.
  const reach = (plugin, key, limit, options) => {
    let lo = 1;
    let hi = 10_000_000;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (model(mid, plugin, options)[key] > limit) hi = mid;
      else lo = mid;
    }
    return lo;
  };
  console.log('\n| assumed limit L (requests/min, one token) | ours, proxy mode | ours, backend mode | classic, no cache | classic, hypothetical cache |');
  console.log('|---|---|---|---|---|');
  for (const limit of LIMITS) {
    const cell = (x, k, options) => {
      const d = reach(x, k, limit, options);
      return d >= 9_999_999 ? `never (the cache caps it at ${Math.round(model(1e9, x, options).cached).toLocaleString('en')})` : d.toLocaleString('en');
    };
    const cells = [
      cell(f.ours, 'uncached'),
      cell(f.ours, 'cached', { backend: true }),
      cell(f.classic, 'uncached'),
      cell(f.classic, 'cached'),
    ];
    console.log(`| ${limit.toLocaleString('en')} | ${cells.join(' | ')} |`);
  }
  const o = model(1, f.ours);
  const c = model(1, f.classic);
  console.log(`\nPer developer, no cache: ours ${o.perDeveloper.toFixed(2)}/min, classic ${c.perDeveloper.toFixed(2)}/min.`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
