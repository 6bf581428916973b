/*
 * The `modes` suite's tables and targets (bench/modes.mjs, bench/users.mjs).
 */
import { fmt } from './report.mjs';

const MODE_TITLES = { proxy: 'proxy mode', cold: 'backend, cold cache', warm: 'backend, warm cache', classic: 'classic' };

function ratio(a, b) {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return '—';
  if (b === 0) return a === 0 ? '— (both 0)' : '∞';
  const r = a / b;
  return r >= 10 ? r.toFixed(0) : r.toFixed(2);
}

function n1(v) {
  if (!Number.isFinite(v)) return '—';
  return Math.abs(v) >= 100 || Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1);
}

/** The 1-user figures of a window kind and mode, else undefined. */
function windowOf(users, { kind, mode, n }) {
  return users?.windows.find(w => w.kind === kind && w.mode === mode && w.users === n);
}

/** The P1 and users tables as Markdown. */
export function formatModes(m) {
  if (!m) return '';
  const out = [];
  const modes = Object.keys(MODE_TITLES).filter(k => m.modes[k]);
  out.push(
    `| Modes, P1 at ${m.latencyMs} ms, production builds (median of ${m.runs} (min–max), A B C D) | ${modes.map(k => MODE_TITLES[k]).join(' | ')} |`,
    `|---|${modes.map(() => '---').join('|')}|`,
  );
  const row = (name, f) => out.push(`| ${name} | ${modes.map(k => f(m.modes[k], k)).join(' | ')} |`);
  row('first row painted', a => fmt(a.firstRow, ' ms'));
  row('full first page painted', a => fmt(a.fullPage, ' ms'));
  row('first row / proxy mode\'s', a => ratio(a.firstRow.median, m.modes.proxy.firstRow.median));
  row('full page / proxy mode\'s', a => ratio(a.fullPage.median, m.modes.proxy.fullPage.median));
  row('full page / classic\'s', a => ratio(a.fullPage.median, m.modes.classic?.fullPage.median));
  row('browser requests for the first page', a => fmt(a.requests.browser));
  row('upstream requests for the first page (at the fake)', a => fmt(a.requests.fake));
  row('rows on the first page', a => String(a.rows));
  const lines = [];
  const { cold, warm } = m.modes;
  if (cold && cold.coldVerified === false) lines.push('**Not every cold run read all 21 pieces upstream: the cold figures mix in cache hits.**');
  if (warm && warm.warmVerified === false) lines.push('**Some warm runs read upstream: the warm figures mix in misses.**');
  const floor = m.coldFloorRoundTrips;
  lines.push(`Cold floor of the aggregate: ${floor} upstream round trips (the pipeline list, then 20 workflow lists 8 at a time) = ${floor * m.latencyMs} ms; the target allows 2 + 60 ms = ${m.targets.coldFullPageMs} ms.`);
  if (m.nodeAggregate)
    lines.push(`The aggregate from Node through the backend (no browser): cold ${fmt(m.nodeAggregate.cold, ' ms')}, warm ${fmt(m.nodeAggregate.warm, ' ms')}.`);
  if (warm?.otherUser)
    lines.push(`Warm runs: another user (Node) read the tab's first page right before the click: ${fmt(warm.otherUser.ms, ' ms')} (${warm.otherUser.cache.join(', ')}).`);
  out.push('', ...lines.map(l => `- ${l}`));
  const u = m.users;
  if (u) {
    out.push('', `| Users watching ${u.slug} (4 pipelines with running work), ${m.latencyMs} ms, ${u.windowS}-s window, arrivals over ${u.spreadS} s | proxy: upstream / min | backend: upstream / min | backend / proxy | proxy: while all watch | backend: while all watch | to Backstage / min (proxy, backend) |`, '|---|---|---|---|---|---|---|');
    const rows = [...new Set(u.windows.map(w => `${w.kind}:${w.users}`))];
    for (const key of rows) {
      const [kind, users] = key.split(':');
      const n = Number(users);
      const p = windowOf(u, { kind, mode: 'proxy', n });
      const b = windowOf(u, { kind, mode: 'backend', n });
      const who = kind === 'chromium' ? `${n} user, a real Chromium tab` : `${n} user${n > 1 ? 's' : ''}, Node replay`;
      out.push(`| ${who} | ${n1(p?.upstreamPerMin)} | ${n1(b?.upstreamPerMin)} | ${ratio(b?.upstreamPerMin, p?.upstreamPerMin)} | ${n1(p?.watchingPerMin)} | ${n1(b?.watchingPerMin)} | ${n1(p?.toBackstagePerMin)}, ${n1(b?.toBackstagePerMin)} |`);
    }
    const check = [];
    for (const mode of ['proxy', 'backend']) {
      const c = windowOf(u, { kind: 'chromium', mode, n: 1 });
      const r = windowOf(u, { kind: 'node', mode, n: 1 });
      if (!c || !r) continue;
      const k = w => `${w.upstreamKinds.pipelines} pipeline lists + ${w.upstreamKinds.workflows} workflow lists${w.upstreamKinds.other ? ` + ${w.upstreamKinds.other} other` : ''}`;
      check.push(`${mode} mode, upstream in the window: Chromium tab ${k(c)}, replay ${k(r)}; to Backstage: tab ${c.toBackstage}, replay ${r.toBackstage}`);
    }
    if (check.length) out.push('', ...check.map(l => `- Replay against the real tab (1 user): ${l}.`));
  }
  return out.join('\n');
}

/** The suite's targets, through report.mjs's `add(id, what, value, limit, unit)`. */
export function modesTargets(m, add) {
  if (!m) return;
  const { proxy, cold, warm } = m.modes;
  add('modes.coldFullPage', `backend mode, cold cache: full first page ≤ 2 upstream round trips + 60 ms`, cold.fullPage.median, m.targets.coldFullPageMs, 'ms');
  add('modes.warmFullPage', `backend mode, warm shared cache: full first page ≤ 100 ms (~0.4× the classic's)`, warm.fullPage.median, m.targets.warmFullPageMs, 'ms');
  add('modes.firstRowCold', `backend mode, cold cache: first row no slower than proxy mode's`, cold.firstRow.median, proxy.firstRow.median, 'ms');
  add('modes.firstRowWarm', `backend mode, warm cache: first row no slower than proxy mode's`, warm.firstRow.median, proxy.firstRow.median, 'ms');
  add('modes.browserRequests', 'backend mode: the first page in 1 browser request', Math.max(cold.requests.browser.median, warm.requests.browser.median), 1, 'requests');
  const nodes = (m.users?.windows ?? []).filter(w => w.kind === 'node' && w.mode === 'backend').sort((a, b) => a.users - b.users);
  if (nodes.length > 1) {
    const one = nodes[0];
    const most = nodes[nodes.length - 1];
    add('users.flatWatching', `backend mode: upstream requests / min while ${most.users} users watch ≤ 1.25 × while ${one.users} watches (flat in users)`, most.watchingPerMin, 1.25 * one.watchingPerMin, 'req/min');
    add('users.flatWindow', `backend mode: the same over the whole window, arrivals included`, most.upstreamPerMin, 1.25 * one.upstreamPerMin, 'req/min');
  }
}
