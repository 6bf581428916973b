/*
 * The `scaling` suite: how our tab's cost grows with the work, on the
 * production build of the legacy dev app, at 100 ms (docs/performance.md,
 * "Scaling"):
 *  - pages: the first page of gh/acme/monorepo (230 pipelines), then up to
 *    4 more with "Load more pipelines": time from the click until the new
 *    page's rows show their workflows, and the requests it sends;
 *  - projects on one entity: 1 (rocket), 2 and 5 (a comma-separated
 *    annotation, the dev app's /projects-2 and /projects-5): first row,
 *    everything loaded, requests;
 *  - running work: 0, 1, 5 and 20 running workflows on an otherwise idle
 *    project (bucket, pipelines triggered through the fake's API):
 *    requests per minute of one open tab (skipped in quick mode);
 *  - log size: the P3 figures of the same run, when P3 ran.
 */
import { openApp, pipelinesReady, recordRequests } from './browser.mjs';
import { peerHelpers } from './peer/page.mjs';
import { fmt, stat } from './report.mjs';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const PAGE = 20;
const LOAD_MORE = 'Load more pipelines';

async function fromNoAnnotation(page, app, path) {
  await openApp(page, `${app.url}/no-annotation`, p =>
    Boolean(document.querySelector(`a[href="${p}"]`)) && document.body.innerText.includes('Missing Annotation'), path);
}

/** Times a click (`selector`, optionally by text) until `rows` pipeline rows are loaded; counts requests. */
async function timedClick({ page, recorder, fake, latency, selector, text, rows }) {
  await fake.latency(latency);
  await fake.clearRequests();
  recorder.clear();
  const { marks, error } = await page.evaluate(args => window.__peer.measure(args), { kind: 'ours', rows, selector, text });
  if (error) throw new Error(`scaling: ${error}`);
  await sleep(Math.max(500, 2 * latency));
  const atFake = await fake.requests();
  await fake.latency(0);
  const paths = atFake.map(r => r.path.replace(/[0-9a-f-]{36}/g, ':id'));
  return { firstRow: marks.firstRow.paint, fullPage: marks.fullPage.paint, browser: recorder.entries.length, fake: atFake.length, paths };
}

async function pipelineCount(fake, slug, most) {
  let n = 0;
  let token = null;
  do {
    const page = await fake.api(`project/${slug}/pipeline${token ? `?page-token=${encodeURIComponent(token)}` : ''}`);
    n += page.items.length;
    token = page.next_page_token;
  } while (token && n < most);
  return n;
}

async function measurePages({ context, app, fake, latency, runs, maxPages, say }) {
  // gh/acme/monorepo (230 pipelines) when the fake has it, else rocket (64).
  let path = '/monorepo-project';
  let total = await pipelineCount(fake, 'gh/acme/monorepo', maxPages * PAGE).catch(() => 0);
  if (total === 0) {
    path = '/rocket';
    total = await pipelineCount(fake, 'gh/acme/rocket', maxPages * PAGE);
  }
  const pages = Math.min(maxPages, Math.ceil(total / PAGE));
  const samples = Array.from({ length: pages }, () => []);
  for (let i = 0; i <= runs; i++) {
    await fake.reset('now');
    const page = await context.newPage();
    const recorder = recordRequests(page, app.proxy);
    try {
      await fromNoAnnotation(page, app, path);
      for (let k = 1; k <= pages; k++) {
        const rows = Math.min(k * PAGE, total);
        const s = k === 1
          ? await timedClick({ page, recorder, fake, latency, selector: `a[href="${path}"]`, rows })
          : await timedClick({ page, recorder, fake, latency, selector: 'button', text: LOAD_MORE, rows });
        if (i > 0) samples[k - 1].push(s);
      }
    } finally {
      await page.close();
    }
    if (i > 0) say(`scaling pages run ${i}: ${samples.map(s => `${s.at(-1).fullPage.toFixed(0)} ms/${s.at(-1).fake} req`).join(', ')}`);
  }
  return samples.map((s, k) => ({
    path,
    page: k + 1,
    fullPage: stat(s.map(x => x.fullPage)),
    requests: stat(s.map(x => x.fake)),
  }));
}

/** Rows once the page is quiet (nothing loading, the count stable for 1.5 s). */
async function settledRows(page, app, path) {
  await openApp(page, `${app.url}${path}`, pipelinesReady, 1);
  let last = -1;
  for (let stable = 0; stable < 3; ) {
    await sleep(500);
    const rows = await page.evaluate(() => (window.__bench.rows() && !document.body.innerText.includes('Loading') ? window.__bench.rows() : -1));
    stable = rows === last && rows > 0 ? stable + 1 : 0;
    last = rows;
  }
  return last;
}

async function measureProjects({ context, app, fake, latency, runs, say, counts }) {
  const out = [];
  for (const [n, path] of counts) {
    await fake.reset('now');
    const page = await context.newPage();
    const recorder = recordRequests(page, app.proxy);
    try {
      const rows = await settledRows(page, app, path);
      const samples = [];
      for (let i = 0; i < runs; i++) {
        await fromNoAnnotation(page, app, path);
        samples.push(await timedClick({ page, recorder, fake, latency, selector: `a[href="${path}"]`, rows }));
      }
      const pick = key => stat(samples.map(s => s[key]));
      const kinds = [...new Set(samples[0].paths)];
      out.push({ projects: n, path, rows, firstRow: pick('firstRow'), fullPage: pick('fullPage'), requests: pick('fake'), kinds });
      say(`scaling ${n} project(s): ${rows} rows, full ${out.at(-1).fullPage.median} ms, ${out.at(-1).requests.median} requests`);
    } finally {
      await page.close();
    }
  }
  return out;
}

async function trigger({ fakeUrl, token, slug }) {
  const response = await fetch(`${fakeUrl}/api/v2/project/${slug}/pipeline`, {
    method: 'POST',
    headers: { 'Circle-Token': token, 'content-type': 'application/json' },
    body: JSON.stringify({ branch: 'main' }),
  });
  if (!response.ok) throw new Error(`scaling: trigger on ${slug}: HTTP ${response.status}`);
  return (await response.json()).id;
}

async function runningCount(fake, ids) {
  let running = 0;
  for (const id of ids) {
    const wfs = await fake.api(`pipeline/${id}/workflow`);
    running += wfs.items.filter(w => ['running', 'failing', 'on_hold'].includes(w.status)).length;
  }
  return running;
}

async function measureRunning({ context, app, fake, fakeUrl, token, latency, windowMs, say, levels }) {
  const out = [];
  for (const n of levels) {
    await fake.reset('now');
    const ids = [];
    for (let i = 0; i < n; i++) ids.push(await trigger({ fakeUrl, token, slug: 'bb/acme/bucket' }));
    await fake.latency(latency);
    const page = await context.newPage();
    try {
      const recorder = recordRequests(page, app.proxy);
      const rows = Math.min(PAGE, (await fake.api('project/bb/acme/bucket/pipeline')).items.length);
      await openApp(page, `${app.url}/bitbucket`, pipelinesReady, rows);
      const runningAtStart = await runningCount(fake, ids);
      await sleep(1000);
      const start = Date.now();
      await sleep(windowMs);
      const sent = recorder.since(start).filter(e => e.sent < start + windowMs).length;
      const runningAtEnd = await runningCount(fake, ids);
      out.push({ running: n, runningAtStart, runningAtEnd, requests: sent, perMinute: (sent * 60_000) / windowMs });
      say(`scaling running ${n}: ${sent} requests in ${windowMs / 1000} s (running ${runningAtStart} → ${runningAtEnd})`);
    } finally {
      await page.close();
      await fake.latency(0);
    }
  }
  return out;
}

/** Runs the suite on our production app `app` (`{ url, proxy }`). */
export async function measureScaling({ context, app, fake, fakeUrl, token, latency, runs, windowMs, quick, say, p3 }) {
  const t0 = Date.now();
  await context.addInitScript(peerHelpers);
  const pages = await measurePages({ context, app, fake, latency, runs, maxPages: quick ? 2 : 5, say });
  const counts = quick ? [[1, '/rocket'], [2, '/projects-2']] : [[1, '/rocket'], [2, '/projects-2'], [5, '/projects-5']];
  const projects = await measureProjects({ context, app, fake, latency, runs, say, counts });
  const running = quick ? [] : await measureRunning({ context, app, fake, fakeUrl, token, latency, windowMs, say, levels: [0, 1, 5, 20] });
  const logs = Object.values(p3?.sizes ?? {}).map(s => ({ lines: s.lines, firstLines: s.firstLines, searchHit: s.searchHit, heapMb: s.heapMb }));
  return { latencyMs: latency, runs, windowS: windowMs / 1000, pages, projects, running, logs, durationS: Math.round((Date.now() - t0) / 1000) };
}

/** The scaling tables as Markdown. */
export function formatScaling(s) {
  const out = [`| Scaling: pages with "Load more" (${s.pages[0]?.path ?? ''}), ${s.latencyMs} ms | click → page's rows loaded | requests (fake) |`, '|---|---|---|'];
  for (const p of s.pages) out.push(`| page ${p.page}${p.page === 1 ? ' (navigation into the tab)' : ''} | ${fmt(p.fullPage, ' ms')} | ${fmt(p.requests)} |`);
  out.push('', `| Scaling: projects on one entity, ${s.latencyMs} ms | rows | first row | all loaded | requests (fake) |`, '|---|---|---|---|---|');
  for (const p of s.projects) out.push(`| ${p.projects} (${p.path}) | ${p.rows} | ${fmt(p.firstRow, ' ms')} | ${fmt(p.fullPage, ' ms')} | ${fmt(p.requests)} |`);
  if (s.running.length) {
    out.push('', `| Scaling: running workflows on the page (bucket), one tab, ${s.windowS} s | requests | per minute | running at start → end |`, '|---|---|---|---|');
    for (const r of s.running) out.push(`| ${r.running} | ${r.requests} | ${r.perMinute.toFixed(1)} | ${r.runningAtStart} → ${r.runningAtEnd} |`);
  }
  if (s.logs.length) {
    out.push('', '| Scaling: log size (P3 of the same run) | first lines | first search hit | JS heap |', '|---|---|---|---|');
    for (const l of s.logs) out.push(`| ${l.lines.toLocaleString('en')} lines | ${fmt(l.firstLines, ' ms')} | ${fmt(l.searchHit, ' ms')} | ${fmt(l.heapMb, ' MB')} |`);
  }
  return out.join('\n');
}
