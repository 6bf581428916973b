/*
 * The `peer` suite: our plugin against the classic CircleCI plugin
 * (@circleci/backstage-plugin 0.1.1, API v1.1, vendored in bench/peer/),
 * each in a production build of the same dev-app shell, against the same
 * fake through the same real Backstage proxy, in the same run, alternating
 * A B A B at one latency (100 ms). See docs/performance.md ("Side by side").
 *
 * Per app: time to the first row painted and to the full first page
 * (click on the sidebar link from /no-annotation, as P1), requests for the
 * first page (browser → proxy, and at the fake), requests in a window on an
 * idle project (bucket), a busy one (rocket, running work) and a job/build
 * page of a running job, what the first page shows, and the bundle sizes.
 */
import { join } from 'node:path';
import { openApp, pipelinesReady, recordRequests } from './browser.mjs';
import { preparePeerSource } from './peer/build.mjs';
import { peerHelpers } from './peer/page.mjs';
import { measurePeerSizes } from './peer/size.mjs';
import { stat } from './report.mjs';
import { startProdApp } from './stack.mjs';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const ROCKET = 'gh/acme/rocket';
const S3 = 'https://circle-production-action-output.s3.amazonaws.com/';
/** First page sizes: ours 20 pipelines, the classic plugin 10 builds (its default page size). */
const FIRST_PAGE = { ours: 20, classic: 10 };

/** The classic plugin's build output (S3 in real CircleCI): answered with one line, counted apart. */
async function routeS3(context) {
  await context.route(`${S3}**`, route =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify([{ message: 'output\n', type: 'out' }]) }),
  );
}

/** How many rows the first page of `slug` has in each plugin (fewer than a page on a small project). */
async function expectedRows(fake, kind, slug) {
  if (kind === 'ours') return Math.min(FIRST_PAGE.ours, (await fake.api(`project/${slug}/pipeline`)).items.length);
  const [vcs, org, repo] = slug.split('/');
  const v1 = { gh: 'github', bb: 'bitbucket' }[vcs];
  const body = await fake.raw(`v1.1/project/${v1}/${org}/${repo}?limit=${FIRST_PAGE.classic}&shallow=true`);
  return JSON.parse(Buffer.from(body).toString('utf8')).length;
}

async function openList({ page, app, path, rows }) {
  if (app.kind === 'ours') await openApp(page, `${app.url}${path}`, pipelinesReady, rows);
  else await openApp(page, `${app.url}${path}`, arg => window.__peer.ready(arg), { kind: app.kind, rows });
}

async function navigationRun({ page, app, recorder, fake, latency, approvalWorkflowId }) {
  await openApp(page, `${app.url}/no-annotation`, () =>
    Boolean(document.querySelector('a[href="/rocket"]')) && document.body.innerText.includes('Missing Annotation'));
  await fake.latency(latency);
  await fake.clearRequests();
  recorder.clear();
  const start = Date.now();
  const { marks, error } = await page.evaluate(args => window.__peer.measure(args), {
    kind: app.kind,
    rows: FIRST_PAGE[app.kind],
    selector: 'a[href="/rocket"]',
  });
  if (error) throw new Error(`peer ${app.kind}: ${error}`);
  await sleep(Math.max(500, 2 * latency));
  const shows = await page.evaluate(args => window.__peer.probe(args), { kind: app.kind, approvalWorkflowId });
  const atFake = await fake.requests();
  return {
    firstRow: marks.firstRow.paint,
    fullPage: marks.fullPage.paint,
    browserRequests: recorder.since(start).length,
    fakeRequests: atFake.length,
    paths: atFake.map(r => `${r.method} ${r.path}`),
    shows,
  };
}

/** Opens `count` pages of `path` per app in turn and counts each page's requests for `windowMs`. */
async function windowRun({ context, app, fake, latency, count, windowMs, ready }) {
  await fake.reset('now');
  await fake.latency(latency);
  const pages = [];
  try {
    for (let i = 0; i < count; i++) {
      const page = await context.newPage();
      pages.push({ page, api: recordRequests(page, app.proxy), s3: recordRequests(page, S3) });
      await ready(page);
    }
    await sleep(1000);
    await fake.clearRequests();
    const start = Date.now();
    await sleep(windowMs);
    const end = Date.now();
    const atFake = await fake.requests();
    const sent = rec => rec.since(start).filter(e => e.sent < end).length;
    return {
      browser: stat(pages.map(p => sent(p.api))),
      s3: stat(pages.map(p => sent(p.s3))),
      fakePerPage: atFake.length / pages.length,
      examples: [...new Set(pages[0].api.since(start).map(e => e.url.slice(app.proxy.length).split('?')[0]))].slice(0, 4),
    };
  } finally {
    for (const { page } of pages) await page.close().catch(() => undefined);
    await fake.latency(0);
  }
}

/** A running build job of rocket, with its v1.1 number (the same as its v2 job number). */
async function runningJob(fake) {
  const body = await fake.raw(`v1.1/project/github/acme/rocket?filter=running&limit=100&shallow=true`);
  const builds = JSON.parse(Buffer.from(body).toString('utf8'));
  if (!builds.length) throw new Error('peer: no running build in rocket after a reset');
  // The most recently started one: the most time left.
  builds.sort((a, b) => Date.parse(b.start_time ?? 0) - Date.parse(a.start_time ?? 0));
  return builds[0].build_num;
}

/**
 * The classic plugin's app: its vendored source prepared, then a production
 * build of bench/peer/app served on BENCH_PEER_APP_PORT (3103) with the
 * stack's backend. Returns startProdApp's `{ url, stop(), … }` and `peerSrc`.
 */
export async function startClassicApp({ root, stack, say, logDir }) {
  const peerSrc = preparePeerSource();
  const server = await startProdApp({
    root,
    urls: stack.urls,
    logPath: join(logDir, 'peer-app.log'),
    say,
    entry: 'bench/peer/app/index',
    port: Number(process.env.BENCH_PEER_APP_PORT || 3103),
  });
  return { ...server, peerSrc };
}

/**
 * Runs the suite; `ours` is our production app `{ url, proxy }`; `classic`,
 * the classic plugin's app from startClassicApp when the caller shares it
 * (else the suite starts and stops its own).
 */
export async function measurePeer({ root, context, stack, fake, ours, classic, latency, runs, windowMs, say, logDir }) {
  const t0 = Date.now();
  const classicServer = classic ?? (await startClassicApp({ root, stack, say, logDir }));
  try {
    const sizes = await measurePeerSizes({ root, peerSrc: classicServer.peerSrc });
    await context.addInitScript(peerHelpers);
    await routeS3(context);
    const apps = [
      { kind: 'ours', url: ours.url, proxy: ours.proxy },
      { kind: 'classic', url: classicServer.url, proxy: `${classicServer.url}/api/proxy/circleci-classic/api/` },
    ];
    await fake.reset('now');
    const approvalWorkflowId = (await fake.demo()).approval?.workflowId;
    const nav = { ours: [], classic: [] };
    const page = await context.newPage();
    const recorders = Object.fromEntries(apps.map(app => [app.kind, recordRequests(page, app.proxy)]));
    try {
      for (let i = 0; i <= runs; i++) {
        for (const app of apps) {
          const recorder = recorders[app.kind];
          const sample = await navigationRun({ page, app, recorder, fake, latency, approvalWorkflowId });
          if (i > 0) nav[app.kind].push(sample);
          say(`peer ${app.kind} ${i === 0 ? 'warm-up' : `run ${i}`}: first row ${sample.firstRow.toFixed(0)} ms, ` +
            `full page ${sample.fullPage.toFixed(0)} ms, ${sample.fakeRequests} requests`);
        }
      }
    } finally {
      await page.close();
    }
    const out = { latencyMs: latency, runs, windowS: windowMs / 1000, sizes, classicBuildS: classicServer.buildS, apps: {} };
    for (const app of apps) {
      const samples = nav[app.kind];
      const pick = key => stat(samples.map(s => s[key]));
      out.apps[app.kind] = {
        url: app.url,
        firstPageRows: FIRST_PAGE[app.kind],
        firstRow: pick('firstRow'),
        fullPage: pick('fullPage'),
        requests: { browser: pick('browserRequests'), fake: pick('fakeRequests'), example: samples[0]?.paths },
        shows: samples[0]?.shows,
      };
    }
    for (const [name, path, slug] of [['idle', '/bitbucket', 'bb/acme/bucket'], ['busy', '/rocket', ROCKET]]) {
      for (const app of apps) {
        const rows = await expectedRows(fake, app.kind, slug);
        say(`peer ${app.kind}: ${runs} page(s) of ${path} for ${windowMs / 1000} s`);
        out.apps[app.kind][name] = await windowRun({
          context, app, fake, latency, count: runs, windowMs,
          ready: p => openList({ page: p, app, path, rows }),
        });
      }
    }
    for (const app of apps) {
      await fake.reset('now');
      const job = await runningJob(fake);
      const path = app.kind === 'ours' ? `/rocket/jobs/${job}` : `/rocket/${job}`;
      say(`peer ${app.kind}: ${runs} page(s) of the running job ${path} for ${windowMs / 1000} s`);
      // Both pages show the job's number once its details have arrived.
      const ready = p => openApp(p, `${app.url}${path}`, n => document.body.innerText.includes(String(n)), job);
      out.apps[app.kind].job = { path, ...(await windowRun({ context, app, fake, latency, count: runs, windowMs, ready })) };
    }
    out.durationS = Math.round((Date.now() - t0) / 1000);
    return out;
  } finally {
    if (!classic) await classicServer.stop();
  }
}
