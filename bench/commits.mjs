/*
 * Commits: the commit view (`/commits/:sha`) of `gh/acme/monorepo` (230
 * pipelines, 12 pages) on the legacy dev app's `/monorepo-api` entity, at
 * one latency (100 ms):
 *  - `page1`: time to the first match for a commit on the first pipeline
 *    page (floor: 1 round trip, the search settles on that page);
 *  - `page5`: the same for a commit in the middle of page 5 (floor: 5
 *    round trips, pages are read one after the other);
 *  - `notFound`: a SHA the project never built: time to "Not found in the
 *    last 200 pipelines." and the requests spent, which must be the bound,
 *    10 pipeline pages, and no workflow request.
 * The SHAs come from the fake's own history (through its API, no proxy).
 * A run: the app is loaded on `/no-annotation` (not timed), the fake's
 * latency is set, and the clock starts right before a client-side
 * navigation (history.pushState + popstate, as a router link does) to the
 * commit view; it stops in the task after the next frame once the page
 * shows the condition (the method of browser.mjs).
 */
import { openApp } from './browser.mjs';
import { stat } from './report.mjs';

const SLUG = 'gh/acme/monorepo';
const ENTITY = '/monorepo-api';
/** The commit search's default bound (src/api/revisionSearch.ts DEFAULT_REVISION_SEARCH_PAGES). */
export const COMMIT_SEARCH_MAX_PAGES = 10;
const NOT_FOUND_SHA = '0badc0ffee0badc0ffee0badc0ffee0badc0ffee';
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Navigates client-side to `path` and resolves with ms until `until` holds, after the next frame. */
function navigateAndTime({ path, until, timeoutMs }) {
  const checks = {
    row: () => [...document.querySelectorAll('table tbody tr')].some(tr => /#\d+/.test(tr.textContent ?? '')),
    notFound: () => /Not found in the last \d+ pipelines/.test(document.body.innerText),
  };
  return new Promise(resolve => {
    const start = { t0: 0 };
    let done = false;
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => finish({ error: `timed out waiting for ${until}` }), timeoutMs);
    function finish(result) {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      resolve(result);
    }
    function check() {
      if (done || !checks[until]()) return;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => finish({ ms: performance.now() - start.t0 });
        channel.port2.postMessage(0);
      });
    }
    observer.observe(document, { subtree: true, childList: true, characterData: true });
    start.t0 = performance.now();
    window.history.pushState({}, '', path);
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    check();
  });
}

/** The fake's pipeline pages of the monorepo, newest first, until `pages` pages. */
async function pipelinePages(fake, pages) {
  const out = [];
  let token;
  while (out.length < pages) {
    const query = token ? `?page-token=${encodeURIComponent(token)}` : '';
    const page = await fake.api(`project/${SLUG}/pipeline${query}`);
    out.push(page.items);
    token = page.next_page_token;
    if (!token) break;
  }
  return out;
}

/** A pipeline in the middle of a page whose commit was built once. */
function pickCommit(pages, index) {
  const all = pages.flat();
  const page = pages[index];
  const unique = page.filter(p => all.filter(q => q.vcs?.revision === p.vcs?.revision).length === 1);
  const pipeline = unique[Math.floor(unique.length / 2)];
  if (!pipeline) throw new Error(`commits: no commit built once on page ${index + 1}`);
  return { sha: pipeline.vcs.revision, number: pipeline.number };
}

async function run({ page, urls, fake, latency, sha, until }) {
  await openApp(page, `${urls.app}/no-annotation`, () => document.body.innerText.includes('Missing Annotation'));
  await fake.latency(latency);
  await fake.clearRequests();
  const { ms, error } = await page.evaluate(navigateAndTime, {
    path: `${ENTITY}/commits/${sha}`,
    until,
    timeoutMs: 60_000,
  });
  if (error) throw new Error(`commits (${sha.slice(0, 7)}): ${error}`);
  await sleep(Math.max(500, 3 * latency)); // workflow lists of the matches, and stragglers
  await fake.latency(0);
  const seen = (await fake.requests()).map(r => `${r.method} ${r.path}`);
  return {
    ms,
    pipelineRequests: seen.filter(r => r.startsWith(`GET v2/project/${SLUG}/pipeline`)).length,
    workflowRequests: seen.filter(r => /^GET v2\/pipeline\/[^/]+\/workflow/.test(r)).length,
    requests: seen.length,
  };
}

/**
 * The commit view at one latency: for each case a warm-up, then `runs`
 * measured runs. Returns medians with the floors and request counts.
 */
export async function measureCommits({ context, urls, fake, latency, runs, say }) {
  await fake.reset('now');
  const pages = await pipelinePages(fake, 5);
  if (pages.length < 5) throw new Error(`commits: ${SLUG} has fewer than 5 pipeline pages`);
  const cases = {
    page1: { ...pickCommit(pages, 0), until: 'row', floorRoundTrips: 1 },
    page5: { ...pickCommit(pages, 4), until: 'row', floorRoundTrips: 5 },
    notFound: { sha: NOT_FOUND_SHA, until: 'notFound', floorRoundTrips: COMMIT_SEARCH_MAX_PAGES },
  };
  const page = await context.newPage();
  const result = { latencyMs: latency, slug: SLUG, maxPages: COMMIT_SEARCH_MAX_PAGES };
  try {
    for (const [name, c] of Object.entries(cases)) {
      const samples = [];
      for (let i = 0; i <= runs; i++) {
        const sample = await run({ page, urls, fake, latency, sha: c.sha, until: c.until });
        if (i > 0) samples.push(sample);
      }
      const pick = key => stat(samples.map(s => s[key]));
      result[name] = {
        sha: c.sha,
        pipelineNumber: c.number,
        floorMs: c.floorRoundTrips * latency,
        timeMs: pick('ms'),
        pipelineRequests: pick('pipelineRequests'),
        workflowRequests: pick('workflowRequests'),
        requests: pick('requests'),
      };
      say?.(`commits ${name} at ${latency} ms: ${result[name].timeMs.median} ms (floor ${result[name].floorMs} ms), ` +
        `${result[name].pipelineRequests.median} pipeline + ${result[name].workflowRequests.median} workflow requests`);
    }
  } finally {
    await fake.latency(0);
    await page.close();
  }
  return result;
}

/** The commits figures as a Markdown table. */
export function formatCommits(commits) {
  if (!commits) return '';
  const rows = [
    `| commit view (${commits.slug}, ${commits.latencyMs} ms) | time (median) | floor | pipeline requests | workflow requests |`,
    '|---|---|---|---|---|',
  ];
  const label = { page1: 'first match, commit on page 1', page5: 'first match, commit on page 5', notFound: `not found (bound ${commits.maxPages} pages)` };
  for (const key of ['page1', 'page5', 'notFound']) {
    const c = commits[key];
    if (!c) continue;
    rows.push(`| ${label[key]} | ${c.timeMs.median} ms | ${c.floorMs} ms | ${c.pipelineRequests.median} | ${c.workflowRequests.median} |`);
  }
  return rows.join('\n');
}
