/*
 * Statistics, targets and the printed table of the benchmark.
 */
import { formatModes, modesTargets } from './modes-report.mjs';
import { formatLive } from './live.mjs';
import { formatPeer } from './peer/report.mjs';
import { formatScaling } from './scaling.mjs';

/** Median, min and max of the samples (the median of an even count is the mean of the middle two). */
export function stat(samples) {
  const values = samples.filter(v => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (values.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0, samples: [] };
  const mid = Math.floor(values.length / 2);
  const median = values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  const round = v => Math.round(v * 10) / 10;
  return { median: round(median), min: round(values[0]), max: round(values[values.length - 1]), n: values.length, samples: samples.map(round) };
}

function num(v) {
  if (!Number.isFinite(v)) return '—';
  return Math.abs(v) >= 100 || Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1);
}
/** `median (min–max)`, or just the value when they are equal. */
export function fmt(s, unit = '') {
  if (!s || !s.n) return '—';
  if (s.min === s.max) return `${num(s.median)}${unit}`;
  return `${num(s.median)}${unit} (${num(s.min)}–${num(s.max)})`;
}
const kb = bytes => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '—');

/**
 * The targets, each with its measured value (the median where there are
 * runs), the limit and value/limit. Only at the default latency (100 ms)
 * and the largest log size measured.
 */
export function evaluateTargets(results) {
  const targets = [];
  const add = (id, what, value, limit, unit, strict = false) => {
    if (!Number.isFinite(value)) {
      targets.push({ id, what, value: null, limit, unit, ratio: null, met: null });
      return;
    }
    let ratio = value / limit;
    if (limit === 0) ratio = value === 0 ? 0 : Infinity;
    const met = strict ? value < limit : value <= limit;
    targets.push({ id, what, value, limit, unit, ratio: Number.isFinite(ratio) ? Math.round(ratio * 100) / 100 : null, met });
  };
  const p1 = results.p1?.[results.meta.targetLatencyMs];
  if (p1) {
    add('P1.fullPage', `full first page ≤ 1.2 × DAG floor (${p1.floorRoundTrips} × ${p1.latencyMs} ms)`, p1.fullPage.median, 1.2 * p1.floorMs, 'ms');
    add('P1.firstRow', `first row ≤ 1 RTT + 100 ms`, p1.firstRow.median, p1.firstRowTargetMs, 'ms');
    // The same two against what this stack costs in the same run (issue 14): the DAG from Node, and its RTT.
    if (Number.isFinite(p1.nodeDag?.median))
      add('P1.fullPageStack', `full first page ≤ 1.15 × stack floor (the same DAG from Node, ${num(p1.nodeDag.median)} ms)`, p1.fullPage.median, 1.15 * p1.nodeDag.median, 'ms');
    if (Number.isFinite(p1.proxyRtt?.median))
      add('P1.firstRowStack', `first row ≤ stack RTT (${num(p1.proxyRtt.median)} ms) + 100 ms`, p1.firstRow.median, p1.proxyRtt.median + 100, 'ms');
    add('P2.firstPage', 'first-page requests ≤ 21 (at the fake)', p1.requests.fake.median, 21, 'requests');
    add('P2.duplicates', 'duplicate requests (same URL in flight twice) = 0', p1.requests.duplicates.max, 0, 'requests');
  }
  const p2 = results.p2?.[results.meta.targetLatencyMs];
  if (p2) {
    add('P2.idle', `requests in ${p2.idle.windowS} s idle, nothing active (bucket) = 0`, p2.idle.browser.max, 0, 'requests');
    if (p2.rocketSettled)
      add('P2.idleOnHold', `requests in ${p2.rocketSettled.windowS} s idle, work finished but an approval on hold (rocket) = 0`, p2.rocketSettled.browser.max, 0, 'requests');
    add('P2.hidden', `requests in ${p2.hidden.windowS} s hidden (rocket, 3 running) = 0`, p2.hidden.browser.max, 0, 'requests');
  }
  const sizes = Object.keys(results.p3?.sizes ?? {}).map(Number).sort((a, b) => a - b);
  const p3 = results.p3?.sizes?.[sizes[sizes.length - 1]];
  if (p3) {
    add('P3.firstLines', `first log lines (${p3.lines} lines) < 1.5 s`, p3.firstLines.median, 1500, 'ms', true);
    add('P3.searchHit', 'first search hit < 500 ms', p3.searchHit.median, 500, 'ms', true);
    add('P3.heap', 'JS heap after opening the log < 400 MB', p3.heapMb.median, 400, 'MB', true);
  }
  if (results.insights) {
    const ins = results.insights;
    add('insights.charts', 'Insights charts painted ≤ 1.5 × DAG floor (2 RTT)', ins.charts.median, 1.5 * ins.floorMs, 'ms');
    add('insights.requests', 'Insights requests at first paint = 1 + workflows', ins.requests.atPaint.median, 1 + ins.workflows, 'requests');
  }
  modesTargets(results.modes, add);
  const app = results.p4?.app;
  if (results.p4) {
    const growth = app && !app.error ? app.growth.gzip : results.p4.entry.gzip;
    add('P4.growth', 'entity-page growth < 5 KB gzip (app bundle, tree-shaken)', growth / 1024, 5, 'KB', true);
    const systems = app?.systems ?? {};
    if (systems.legacyCards)
      add('P4.growthLegacyCards', 'entity-page growth with both legacy cards < 5 KB gzip (app bundle)', systems.legacyCards.growth.gzip / 1024, 5, 'KB', true);
    if (systems.nfs)
      add('P4.growthNfs', 'new-frontend-system growth (/alpha: tab + cards) < 5 KB gzip (app bundle)', systems.nfs.growth.gzip / 1024, 5, 'KB', true);
    add('P4.entryClosure', 'plugin entry chunk(s) without tree-shaking < 5 KB gzip', results.p4.entry.gzip / 1024, 5, 'KB', true);
    if (results.p4.alphaEntry)
      add('P4.alphaEntryClosure', '/alpha entry chunk(s) without tree-shaking < 5 KB gzip', results.p4.alphaEntry.gzip / 1024, 5, 'KB', true);
    // The charting library is paid for by the Insights view alone: not the entity page, not the tab.
    const initials = Object.values(systems).flatMap(s => s.initialContains ?? []);
    if (initials.length)
      add('P4.noChartsOnEntityPage', 'recharts in no initial chunk (0 = met)', initials.filter(p => p === 'recharts').length, 0, 'systems');
  }
  return targets;
}

/** The table as text (also used in docs/performance.md). */
export function formatTable(results) {
  const out = [];
  // Side by side with the classic plugin first (bench/peer/report.mjs), then how cost grows.
  if (results.peer) out.push(formatPeer(results.peer), '');
  if (results.modes) out.push(formatModes(results.modes), '');
  if (results.live) out.push(formatLive(results.live), '');
  if (results.scaling) out.push(formatScaling(results.scaling), '');
  const lat = Object.keys(results.p1 ?? {}).map(Number).sort((a, b) => a - b);
  if (lat.length) {
    out.push(`| P1/P2 pipelines tab | ${lat.map(l => `${l} ms`).join(' | ')} |`, `|---|${lat.map(() => '---').join('|')}|`);
    const row = (name, f) => out.push(`| ${name} | ${lat.map(l => f(results.p1[l], results.p2?.[l])).join(' | ')} |`);
    row('DAG floor (rounds × latency)', p => `${p.floorRoundTrips} × ${p.latencyMs} = ${p.floorMs} ms`);
    row('proxy RTT, Node → backend → fake', p => fmt(p.proxyRtt, ' ms'));
    row('same DAG from Node, no browser (stack floor)', p => fmt(p.nodeDag, ' ms'));
    row('first row painted', p => fmt(p.firstRow, ' ms'));
    row('first row / (1 RTT + 100 ms)', p => num(p.firstRow.median / p.firstRowTargetMs));
    row('full first page painted', p => fmt(p.fullPage, ' ms'));
    row('full page / DAG floor', p => num(p.fullPage.median / p.floorMs));
    row('full page / stack floor', p => num(p.fullPage.median / p.nodeDag?.median));
    row('first-page requests (fake)', p => fmt(p.requests.fake));
    row('first-page requests (browser)', p => fmt(p.requests.browser));
    row('duplicates in flight (browser)', p => fmt(p.requests.duplicates));
    for (const [key, name] of [['idle', 'idle (bucket)'], ['rocketSettled', 'rocket, work finished, 1 approval on hold'], ['running', 'running (rocket)'], ['hidden', 'hidden (rocket, running)']]) {
      if (!lat.some(l => results.p2?.[l]?.[key])) continue;
      row(`requests / page in ${results.p2[lat.find(l => results.p2?.[l]?.[key])][key].windowS} s, ${name}`, (p, w) =>
        w?.[key] ? `${fmt(w[key].browser)}${w[key].fakePerPage !== undefined ? ` [fake ${num(w[key].fakePerPage)}]` : ''}` : '—');
    }
  }
  const devP1 = results.dev?.p1;
  if (devP1) {
    const dl = Object.keys(devP1).map(Number).sort((a, b) => a - b);
    out.push('', `| P1 on the dev server (comparison) | ${dl.map(l => `${l} ms`).join(' | ')} |`, `|---|${dl.map(() => '---').join('|')}|`);
    const row = (name, f) => out.push(`| ${name} | ${dl.map(l => f(devP1[l])).join(' | ')} |`);
    row('first row painted', p => fmt(p.firstRow, ' ms'));
    row('full first page painted', p => fmt(p.fullPage, ' ms'));
    row('full page / DAG floor', p => num(p.fullPage.median / p.floorMs));
    row('first-page requests (fake)', p => fmt(p.requests.fake));
  }
  const ins = results.insights;
  if (ins) {
    out.push('', `| Insights view (production build), rocket, ${ins.workflows} workflows | ${ins.latencyMs} ms |`, '|---|---|');
    out.push(`| DAG floor (metrics → one runs list per workflow) | ${ins.floorRoundTrips} × ${ins.latencyMs} = ${ins.floorMs} ms |`);
    out.push(`| same DAG from Node, no browser (stack floor) | ${fmt(ins.nodeDag, ' ms')} |`);
    out.push(`| metrics table painted | ${fmt(ins.metrics, ' ms')} |`);
    out.push(`| every chart painted with its runs | ${fmt(ins.charts, ' ms')} |`);
    out.push(`| charts / DAG floor | ${num(ins.charts.median / ins.floorMs)} |`);
    out.push(`| charts / stack floor | ${num(ins.charts.median / ins.nodeDag?.median)} |`);
    out.push(`| first-paint requests: metrics + one runs list per workflow (1 + workflows) | ${fmt(ins.requests.atPaint)} |`);
    out.push(`| all requests, with the later phase (trends, branches, project, flaky tests) | ${fmt(ins.requests.fake)} |`);
  }
  const cards = results.cards;
  if (cards) {
    out.push('', `| Cards, new frontend system (production build), overview of rocket | ${cards.latencyMs} ms |`, '|---|---|');
    out.push(`| DAG floor, latest card (project → pipelines → workflows) | ${cards.floorRoundTrips} × ${cards.latencyMs} = ${cards.floorMs} ms |`);
    out.push(`| same DAG from Node, no browser (stack floor) | ${fmt(cards.nodeDag, ' ms')} |`);
    out.push(`| latest-pipeline card painted with its workflows | ${fmt(cards.latestCard, ' ms')} |`);
    out.push(`| latest card / DAG floor | ${num(cards.latestCard.median / cards.floorMs)} |`);
    out.push(`| latest card / stack floor | ${num(cards.latestCard.median / cards.nodeDag?.median)} |`);
    out.push(`| all 6 card lines (1 latest + 5 recent) with their status | ${fmt(cards.cardLines, ' ms')} |`);
    out.push(`| requests for both cards (fake) | ${fmt(cards.requests.fake)} |`);
  }
  const columns = [
    ...Object.values(results.p3?.sizes ?? {}).sort((a, b) => a.lines - b.lines).map(s => [`${s.lines.toLocaleString('en')} lines`, s]),
    ...Object.values(results.dev?.p3?.sizes ?? {}).map(s => [`${s.lines.toLocaleString('en')} lines, dev server`, s]),
  ];
  if (columns.length) {
    out.push('', `| P3 huge log | ${columns.map(c => c[0]).join(' | ')} |`, `|---|${columns.map(() => '---').join('|')}|`);
    const row = (name, f) => out.push(`| ${name} | ${columns.map(c => f(c[1])).join(' | ')} |`);
    row('log size', s => `${(s.bytes / 1024 / 1024).toFixed(1)} MB`);
    row('click → first lines painted', s => fmt(s.firstLines, ' ms'));
    row('search → first hit painted', s => fmt(s.searchHit, ' ms'));
    row('JS heap after opening', s => fmt(s.heapMb, ' MB'));
    row('JS heap after GC', s => fmt(s.heapRetainedMb, ' MB'));
    row('JS heap before opening (after GC)', s => fmt(s.heapBeforeMb, ' MB'));
  }
  if (results.p4) {
    const { entry, alphaEntry, lazy, cards: cardChunks, app } = results.p4;
    const systems = app?.systems ?? {};
    out.push('', '| P4 size (minified) | raw | gzip |', '|---|---|---|');
    if (app && !app.error) {
      out.push(`| entity-page growth, app bundle (tree-shaken), legacy: tab | ${kb(app.growth.raw)} | ${kb(app.growth.gzip)} |`);
      const row = (key, name) => systems[key] && out.push(`| ${name} | ${kb(systems[key].growth.raw)} | ${kb(systems[key].growth.gzip)} |`);
      row('legacyCards', 'entity-page growth, legacy: tab + both cards');
      row('nfs', 'app growth, new frontend system: /alpha (tab + both cards), zod shared');
      row('nfsOwnZod', '… the same with zod bundled (an app without zod 4)');
      out.push(`| lazy chunks, app bundle (legacy) | ${kb(app.lazy.raw)} | ${kb(app.lazy.gzip)} |`);
    }
    out.push(`| plugin entry closure (index.esm.js, ${entry.files} modules) | ${kb(entry.raw)} | ${kb(entry.gzip)} |`);
    if (alphaEntry) out.push(`| /alpha entry closure (alpha.esm.js, ${alphaEntry.files} modules) | ${kb(alphaEntry.raw)} | ${kb(alphaEntry.gzip)} |`);
    out.push(`| tab chunk (closure of the lazy import, ${lazy.files} modules) | ${kb(lazy.raw)} | ${kb(lazy.gzip)} |`);
    out.push(`| … of which not already in the entry closures (${lazy.onlyLazy.files} modules) | ${kb(lazy.onlyLazy.raw)} | ${kb(lazy.onlyLazy.gzip)} |`);
    if (cardChunks?.files) {
      out.push(`| card chunks (closure of both cards' lazy imports, ${cardChunks.files} modules) | ${kb(cardChunks.raw)} | ${kb(cardChunks.gzip)} |`);
      out.push(`| … of which not in the entry closures (${cardChunks.onlyLazy.files} modules) | ${kb(cardChunks.onlyLazy.raw)} | ${kb(cardChunks.onlyLazy.gzip)} |`);
      out.push(`| … of which not in the tab's chunk either (${cardChunks.notInTab.files} modules) | ${kb(cardChunks.notInTab.raw)} | ${kb(cardChunks.notInTab.gzip)} |`);
    }
    const legacy = systems.legacyCards ?? systems.legacy;
    if (legacy?.groups && systems.nfs?.groups) {
      out.push('', '| P4 lazy, app bundle (what opening it loads, gzip) | legacy | new frontend system |', '|---|---|---|');
      for (const [key, name] of [['tab', 'CI/CD tab (routes + client)'], ['latestCard', 'latest-pipeline card (card + client)'], ['recentCard', 'recent-pipelines card (card + client)'], ['client', 'client alone (schemas, transport; + zod in the legacy column)'], ['insightsChart', 'insights chart (recharts), loaded by the Insights view only']]) {
        out.push(`| ${name} | ${kb(legacy.groups[key]?.gzip)} | ${kb(systems.nfs.groups[key]?.gzip)} |`);
      }
    }
  }
  return out.join('\n');
}

export function formatTargets(targets) {
  const lines = ['| target | value | limit | ratio | |', '|---|---|---|---|---|'];
  for (const t of targets) {
    const value = t.value === null ? '—' : `${num(t.value)} ${t.unit}`;
    const verdict = { true: 'met', false: '**missed**' }[String(t.met)] ?? 'n/a';
    lines.push(`| ${t.what} | ${value} | ${num(t.limit)} ${t.unit} | ${t.ratio ?? '—'} | ${verdict} |`);
  }
  return lines.join('\n');
}
