/*
 * The peer suite's table: each figure for both plugins and the ratio
 * ours / classic (below 1: ours is smaller, i.e. faster or cheaper).
 */
import { fmt } from '../report.mjs';

const kb = bytes => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '—');

/** ours / classic as text: `—` when both are 0, `∞` when only classic is 0. */
export function ratio(ours, classic) {
  if (!Number.isFinite(ours) || !Number.isFinite(classic)) return '—';
  if (classic === 0) return ours === 0 ? '— (both 0)' : '∞';
  const r = ours / classic;
  return r >= 10 ? r.toFixed(0) : r.toFixed(2);
}

/** The rows of the table: `[figure, ours, classic, ratio]`. */
export function peerRows(peer) {
  const { ours: o, classic: c } = peer.apps;
  const rows = [];
  const timed = (name, key) => rows.push([name, fmt(o[key], ' ms'), fmt(c[key], ' ms'), ratio(o[key].median, c[key].median)]);
  const count = (name, get) => rows.push([name, fmt(get(o)), fmt(get(c)), ratio(get(o)?.median, get(c)?.median)]);
  timed('first row painted', 'firstRow');
  timed(`full first page painted (ours ${o.firstPageRows} pipelines, classic ${c.firstPageRows} jobs)`, 'fullPage');
  const perRow = a => a.fullPage.median / a.firstPageRows;
  rows.push(['… ms per row of the first page', perRow(o).toFixed(0), perRow(c).toFixed(0), ratio(perRow(o), perRow(c))]);
  count('first-page requests (at the fake)', a => a.requests.fake);
  const w = `${peer.windowS} s`;
  count(`requests / page in ${w}, idle project (bucket)`, a => a.idle?.browser);
  count(`requests / page in ${w}, busy project (rocket, running work)`, a => a.busy?.browser);
  count(`requests / page in ${w}, job/build page of a running job`, a => a.job?.browser);
  count(`… plus step-output fetches from S3 (classic: one per step, not CircleCI's API)`, a => a.job?.s3);
  const { ours: so, classic: sc } = peer.sizes;
  rows.push(['entity-page growth (gzip)', kb(so.growth.gzip), kb(sc.growth.gzip), ratio(so.growth.gzip, sc.growth.gzip)]);
  rows.push(['tab chunk, loaded when the tab opens (gzip)', kb(so.tab.gzip), kb(sc.tab.gzip), ratio(so.tab.gzip, sc.tab.gzip)]);
  const total = s => s.growth.gzip + s.tab.gzip;
  rows.push(['… growth + tab chunk (gzip)', kb(total(so)), kb(total(sc)), ratio(total(so), total(sc))]);
  const shows = (name, key, f = v => String(v)) =>
    rows.push([name, f(o.shows?.[key]), f(c.shows?.[key]), typeof o.shows?.[key] === 'number' ? ratio(o.shows[key], c.shows?.[key]) : '']);
  shows('rows on the first page', 'rows');
  shows('workflows linked on the first page', 'workflows');
  shows('… with their status beside them', 'workflowsWithStatus');
  shows('approval on hold visible (rocket)', 'approvalVisible', v => (v ? 'yes' : 'no'));
  return rows;
}

/** The table as Markdown. */
export function formatPeer(peer) {
  const head = [
    `| Side by side, ${peer.latencyMs} ms, production builds (${peer.runs === 1 ? '1 run' : `median of ${peer.runs} (min–max), A B A B`}) | ours | classic | ours / classic |`,
    '|---|---|---|---|',
  ];
  return [...head, ...peerRows(peer).map(r => `| ${r.join(' | ')} |`)].join('\n');
}
