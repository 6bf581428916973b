/*
 * P3: the huge step log. The fake is reset to a start time three hours ago
 * (so the huge-log job has finished and its log is complete) and serves at
 * 100 ms latency. Each run loads the job page `/rocket/jobs/<n>` afresh (not
 * timed: empty plugin cache, fresh heap), then:
 *   - firstLines: clock starts right before a click on the step's header;
 *     stops when a log line row of the LogViewer is painted (the viewer
 *     scrolls to the end of the log, so those are its last lines);
 *   - heap: JSHeapUsedSize (CDP Performance.getMetrics) 1 s after that,
 *     as is and after a forced GC; also before the click (after GC);
 *   - searchHit: clock starts right before the search term is put into the
 *     LogViewer's search field (one input event with the whole term); stops
 *     when the hit is painted (a span of the viewer holds exactly the
 *     term: the highlighted chunk). The term
 *     is the scenario number three quarters into the log, so the viewer has
 *     to scroll there.
 * Other sizes than the fake's built-in 200,000 lines need the fake's
 * `POST /__fake/huge-log-lines {"lines": n}` knob; without it only the
 * built-in size is measured.
 */
import { heapMb, openApp } from './browser.mjs';
import { stat } from './report.mjs';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
export const BUILTIN_LINES = 200_000;

/** Asks the fake for logs of `lines` lines; false when it has no such knob. */
async function setLogLines(fake, lines) {
  const answer = await fake.control('POST', 'huge-log-lines', { lines });
  if (answer.status === 404) return false;
  if (!answer.ok) throw new Error(`POST /__fake/huge-log-lines: HTTP ${answer.status}`);
  return true;
}

async function logRun({ page, cdp, urls, job, lines }) {
  const header = `#step-${job.step}-header`;
  await openApp(page, `${urls.app}/rocket/jobs/${job.jobNumber}`, sel => Boolean(document.querySelector(sel)), header);
  const heapBeforeMb = await heapMb(cdp, { gc: true });
  const open = await page.evaluate(args => window.__bench.measure(args), {
    checks: ['logLines'],
    action: { type: 'click', selector: header },
    timeoutMs: 180_000,
  });
  if (open.error) throw new Error(`P3 open (${lines} lines): ${open.error}`);
  await sleep(1000);
  const heapAfterMb = await heapMb(cdp);
  const heapRetainedMb = await heapMb(cdp, { gc: true });
  const term = `scenario ${Math.floor(0.75 * (lines - 4))}`;
  const search = await page.evaluate(args => window.__bench.measure(args), {
    checks: ['searchHit'],
    options: { term },
    action: { type: 'input', selector: '[data-testid="step-log-viewer"] input', value: term },
    timeoutMs: 180_000,
  });
  if (search.error) throw new Error(`P3 search (${lines} lines): ${search.error}`);
  return {
    firstLines: open.marks.logLines.paint,
    firstLinesDom: open.marks.logLines.dom,
    searchHit: search.marks.searchHit.paint,
    heapBeforeMb,
    heapMb: heapAfterMb,
    heapRetainedMb,
    term,
  };
}

async function measureOneSize({ page, cdp, urls, fake, job, lines, runs, say }) {
  const samples = [];
  let bytes;
  for (let i = 0; i <= runs; i++) {
    const sample = await logRun({ page, cdp, urls, job, lines });
    if (i > 0) samples.push(sample);
    if (bytes === undefined) bytes = await logBytes({ fake, atFake: await fake.requests() });
    say(`P3 ${lines} lines ${i === 0 ? 'warm-up' : `run ${i}`}: first lines ${sample.firstLines.toFixed(0)} ms, ` +
      `search ${sample.searchHit.toFixed(0)} ms, heap ${sample.heapMb.toFixed(0)} MB (${sample.heapRetainedMb.toFixed(0)} MB after GC)`);
  }
  const pick = key => stat(samples.map(s => s[key]));
  return {
    lines,
    bytes,
    term: samples[0]?.term,
    firstLines: pick('firstLines'),
    firstLinesDom: pick('firstLinesDom'),
    searchHit: pick('searchHit'),
    heapMb: pick('heapMb'),
    heapRetainedMb: pick('heapRetainedMb'),
    heapBeforeMb: pick('heapBeforeMb'),
  };
}

/**
 * P3 at each size the fake can serve (a warm-up, then `runs` runs). When
 * the fake cannot serve any of them, the built-in size is measured instead.
 */
export async function measureLogs({ context, urls, fake, sizes, runs, latency, say }) {
  await fake.reset(Date.now() - 3 * 3600_000);
  await fake.latency(latency);
  const job = (await fake.demo()).hugeLogJob;
  const result = { job, latencyMs: latency, knob: undefined, sizes: {}, skipped: [] };
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const common = { page, cdp, urls, fake, job, runs, say };
  try {
    for (const lines of sizes) {
      result.knob = await setLogLines(fake, lines);
      if (!result.knob && lines !== BUILTIN_LINES) {
        result.skipped.push(lines);
        say(`P3: the fake has no POST /__fake/huge-log-lines knob; ${lines} lines skipped`);
        continue;
      }
      result.sizes[lines] = await measureOneSize({ ...common, lines });
    }
    if (Object.keys(result.sizes).length === 0) {
      result.sizes[BUILTIN_LINES] = await measureOneSize({ ...common, lines: BUILTIN_LINES });
    }
  } finally {
    await page.close();
    if (result.knob) await setLogLines(fake, BUILTIN_LINES).catch(() => undefined);
    await fake.latency(0);
  }
  return result;
}

/** The size of the step log the page loaded, fetched again from the fake. */
async function logBytes({ fake, atFake }) {
  const path = [...atFake].reverse().find(r => r.path.startsWith('private/output/raw/'))?.path;
  if (!path) return NaN;
  return (await fake.raw(path)).byteLength;
}
