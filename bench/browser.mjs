/*
 * Headless Chromium (playwright-core) for the benchmark: launched like the
 * e2e test, plus an in-page clock that every timed figure uses.
 *
 * The clock (`window.__bench.measure`): `performance.now()` is read
 * immediately before the action (a click, or an input event), in the same
 * task; a MutationObserver then checks the named conditions after every DOM
 * change, and once a condition holds, the time is read in a MessageChannel
 * task posted from the next requestAnimationFrame callback, i.e. right
 * after the frame that contains the change was produced ("painted").
 * Both times are kept: `dom` (the change was committed) and `paint`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.mjs';

const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** Runs in every page before its scripts. */
function pageHelpers() {
  performance.setResourceTimingBufferSize(100_000);
  const pipelineRows = () =>
    [...document.querySelectorAll('table tbody tr')].filter(tr => /#\d+/.test(tr.textContent ?? ''));
  const CHECKS = {
    firstRow: () => pipelineRows().length > 0,
    fullPage: o => {
      const rows = pipelineRows();
      return rows.length >= o.rows && rows.every(r => !/Loading/.test(r.textContent ?? ''));
    },
    // The latest-pipeline card with its workflows (its last request), and
    // the recent-pipelines card's lines, all with their status known.
    latestCard: () => Boolean(document.querySelector('[data-testid="circleci-card-workflow"]')),
    cardLines: o => {
      const lines = [...document.querySelectorAll('[data-testid="circleci-pipeline-line"]')];
      return lines.length >= o.cardLines && lines.every(l => !/Loading/.test(l.textContent ?? ''));
    },
    // The Insights view: the metrics table, then every workflow's chart with its points.
    insightsMetrics: () => Boolean(document.querySelector('[data-testid="insights-success-rate"]')),
    insightsCharts: o => {
      const charts = [...document.querySelectorAll('[data-testid="insights-chart"]')];
      return charts.length >= o.workflows && charts.every(c => c.querySelector('.recharts-scatter-symbol'));
    },
    logLines: () =>
      Boolean(document.querySelector('[data-testid="step-log-viewer"] a[role="row"][href^="#line-"]')),
    // The hit is a chunk of its own (the highlight), so some span holds exactly the term.
    searchHit: o =>
      [...document.querySelectorAll('[data-testid="step-log-viewer"] span')].some(
        span => span.childElementCount === 0 && span.textContent === o.term,
      ),
  };
  const ACTIONS = {
    click: a => {
      const el = document.querySelector(a.selector);
      if (!el) throw new Error(`nothing matches ${a.selector}`);
      el.click();
    },
    input: a => {
      const el = document.querySelector(a.selector);
      if (!el) throw new Error(`nothing matches ${a.selector}`);
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      setter.call(el, a.value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
  };
  /** Starts the clock, runs the action, resolves with the marks (ms since the clock started). */
  function measure({ checks, options = {}, action, timeoutMs = 60_000 }) {
    return new Promise(resolve => {
      const marks = {};
      const pending = new Set(checks);
      let finished = false;
      const t0 = performance.now();
      const state = {};
      const finish = error => {
        if (finished) return;
        finished = true;
        state.observer?.disconnect();
        clearTimeout(state.timer);
        resolve({ marks, error, t0 });
      };
      const check = () => {
        for (const name of [...pending]) {
          if (!CHECKS[name](options)) continue;
          pending.delete(name);
          const dom = performance.now() - t0;
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              marks[name] = { dom, paint: performance.now() - t0 };
              if (Object.keys(marks).length === checks.length) finish();
            };
            channel.port2.postMessage(0);
          });
        }
      };
      state.observer = new MutationObserver(check);
      state.observer.observe(document, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['class'],
      });
      state.timer = setTimeout(() => finish(`timed out after ${timeoutMs} ms waiting for ${[...pending].join(', ')}`), timeoutMs);
      try {
        ACTIONS[action.type](action);
      } catch (error) {
        finish(String(error));
        return;
      }
      check();
    });
  }
  /** Makes the page report itself hidden (headless Chromium never hides a page). */
  function hide() {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }
  /** Resource timing of requests whose URL starts with `prefix`, relative to `t0`. */
  function waterfall(prefix, t0) {
    return performance
      .getEntriesByType('resource')
      .filter(e => e.name.startsWith(prefix) && e.startTime >= t0)
      .map(e => ({
        url: e.name.slice(prefix.length),
        start: Math.round(e.startTime - t0),
        end: Math.round(e.responseEnd - t0),
      }));
  }
  window.__bench = { measure, hide, waterfall, rows: () => pipelineRows().length };
}

/** Launches Chromium with a fresh profile; `close()` removes the profile. */
export async function launchBrowser() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'circleci-bench-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: process.env.BENCH_HEADFUL !== '1',
      viewport: { width: 1440, height: 1000 },
      args: CHROMIUM_ARGS,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  await context.addInitScript(pageHelpers);
  // There is no internet here: avatars (GitHub's, from the fake's data) are
  // answered with a 1×1 PNG, as a cached avatar would be, rather than
  // failing and making every row swap its image for a letter.
  await context.route('https://avatars.githubusercontent.com/**', route =>
    route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL_PNG }),
  );
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, close };
}

/** Records the requests a page (or context) sends to the proxy, with their timing. */
export function recordRequests(target, prefix) {
  const entries = [];
  const byRequest = new Map();
  target.on('request', request => {
    if (!request.url().startsWith(prefix)) return;
    const entry = { url: request.url(), method: request.method(), sent: Date.now(), done: undefined };
    byRequest.set(request, entry);
    entries.push(entry);
  });
  const end = request => {
    const entry = byRequest.get(request);
    if (entry) entry.done = Date.now();
  };
  target.on('requestfinished', end);
  target.on('requestfailed', end);
  return {
    entries,
    /** Entries sent at or after `since` (ms since epoch). */
    since: since => entries.filter(e => e.sent >= since),
    clear: () => entries.splice(0),
  };
}

/** Requests whose URL was already in flight when they were sent. */
export function inFlightDuplicates(entries) {
  let duplicates = 0;
  const sorted = [...entries].sort((a, b) => a.sent - b.sent);
  sorted.forEach((entry, i) => {
    const overlapping = sorted
      .slice(0, i)
      .some(e => e.url === entry.url && e.method === entry.method && (e.done === undefined || e.done > entry.sent));
    if (overlapping) duplicates++;
  });
  return duplicates;
}

/** Paths the fake saw more than once. */
export function repeatedPaths(records) {
  const seen = new Map();
  for (const r of records) seen.set(`${r.method} ${r.path}`, (seen.get(`${r.method} ${r.path}`) ?? 0) + 1);
  return [...seen.values()].reduce((n, count) => n + count - 1, 0);
}

/** JSHeapUsedSize in MB, optionally after a forced garbage collection. */
export async function heapMb(cdp, { gc = false } = {}) {
  if (gc) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find(m => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  return used / 1024 / 1024;
}

/** Loads a page of the dev app fully (not timed) and waits until `ready` shows. */
export async function openApp(page, url, ready, arg, timeoutMs = 120_000) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  await page.waitForFunction(ready, arg, { timeout: timeoutMs, polling: 100 });
}

/** Resolves when the page shows `rows` pipeline rows with their workflows loaded. */
export const pipelinesReady = rows =>
  window.__bench.rows() >= rows &&
  ![...document.querySelectorAll('table tbody tr')].some(tr => /Loading/.test(tr.textContent ?? ''));
