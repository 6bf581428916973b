/*
 * The benchmark's self-check: every figure a suite that ran must produce
 * is there. A missing one means the harness is broken (exit 1); a missed
 * target never is.
 */

/** Throws when a figure that must have been measured is missing: the harness is broken. */
export function checkResults(results) {
  const bad = [];
  if (results.dev) {
    try {
      checkResults({ meta: results.meta, ...results.dev });
    } catch (error) {
      bad.push(`dev app: ${error.message}`);
    }
  }
  const need = (what, value) => Number.isFinite(value) || bad.push(what);
  for (const [l, p] of Object.entries(results.p1 ?? {})) {
    need(`P1 first row at ${l} ms`, p.firstRow.median);
    need(`P1 full page at ${l} ms`, p.fullPage.median);
    if (!(p.requests.fake.median > 0)) bad.push(`P2 first-page requests at ${l} ms (none seen at the fake)`);
  }
  for (const [l, w] of Object.entries(results.p2 ?? {})) {
    for (const [name, s] of Object.entries(w)) need(`P2 ${name} at ${l} ms`, s.browser.median);
    if (!(w.running?.browser.max > 0) && results.meta.windowMs >= 20_000)
      bad.push(`P2 running at ${l} ms: no polling seen (is the fake's work running?)`);
  }
  for (const [n, s] of Object.entries(results.p3?.sizes ?? {})) {
    need(`P3 first lines (${n})`, s.firstLines.median);
    need(`P3 search (${n})`, s.searchHit.median);
    need(`P3 heap (${n})`, s.heapMb.median);
  }
  if (results.p3 && Object.keys(results.p3.sizes).length === 0) bad.push('P3: no log size measured');
  for (const key of ['page1', 'page5', 'notFound']) {
    if (results.commits) need(`commits ${key}`, results.commits[key]?.timeMs.median);
  }
  if (results.insights) {
    need('insights: metrics painted', results.insights.metrics.median);
    need('insights: charts painted', results.insights.charts.median);
  }
  if (results.cards) {
    need('cards: latest card painted', results.cards.latestCard.median);
    need('cards: all card lines painted', results.cards.cardLines.median);
  }
  for (const p of results.scaling?.pages ?? []) need(`scaling page ${p.page}`, p.fullPage.median);
  for (const p of results.scaling?.projects ?? []) need(`scaling ${p.projects} projects`, p.fullPage.median);
  for (const [kind, a] of Object.entries(results.peer?.apps ?? {})) {
    need(`peer ${kind} first row`, a.firstRow.median);
    need(`peer ${kind} full page`, a.fullPage.median);
    if (!(a.requests.fake.median > 0)) bad.push(`peer ${kind}: no first-page request seen at the fake`);
    need(`peer ${kind} busy window`, a.busy?.browser.median);
    need(`peer ${kind} job window`, a.job?.browser.median);
  }
  if (results.modes) {
    for (const [mode, a] of Object.entries(results.modes.modes)) {
      need(`modes ${mode} first row`, a.firstRow.median);
      need(`modes ${mode} full page`, a.fullPage.median);
      need(`modes ${mode} browser requests`, a.requests.browser.median);
    }
    if (!(results.modes.modes.proxy?.requests.fake.median > 0)) bad.push('modes proxy: no first-page request seen at the fake');
    for (const w of results.modes.users?.windows ?? []) {
      need(`users ${w.mode} ${w.kind} ×${w.users}`, w.upstreamPerMin);
      if (!(w.upstream > 0)) bad.push(`users ${w.mode} ${w.kind} ×${w.users}: no upstream request seen at the fake`);
    }
    if (!results.modes.users?.windows.length) bad.push('users: no window measured');
  }
  if (results.p4) {
    need('P4 entry size', results.p4.entry.gzip);
    if (results.p4.app?.error) bad.push(`P4 app bundle: ${results.p4.app.error}`);
  }
  if (bad.length) throw new Error(`harness produced no value for: ${bad.join('; ')}`);
}
