import { english } from '../__testUtils__/english';
import {
  branchChoices,
  formatCount,
  formatPercent,
  formatSeconds,
  formatThroughput,
  freshnessOf,
  parseBranchScope,
  parseReportingWindow,
  trendOf,
  windowStart,
} from './insights';
import { describeInsightsError } from './insightsErrors';
import { newestFirst, runPoints } from './insightsRuns';
import { ResponseError } from '@backstage/errors';

describe('insights rules', () => {
  it('reads the URL window, with last-30-days for anything else', () => {
    expect(parseReportingWindow('last-7-days')).toBe('last-7-days');
    expect(parseReportingWindow('last-90-days')).toBe('last-90-days');
    expect(parseReportingWindow('last-year')).toBe('last-30-days');
    expect(parseReportingWindow(null)).toBe('last-30-days');
  });

  it('reads the URL branch: none is the default branch, * all branches', () => {
    expect(parseBranchScope({ value: null })).toEqual({ kind: 'default' });
    expect(parseBranchScope({ value: ' ' })).toEqual({ kind: 'default' });
    expect(parseBranchScope({ value: '*' })).toEqual({ kind: 'all' });
    expect(parseBranchScope({ value: 'main', defaultBranch: 'main' })).toEqual({ kind: 'default' });
    expect(parseBranchScope({ value: 'feat/x' })).toEqual({ kind: 'branch', branch: 'feat/x' });
  });

  it('lists the default branch first, then the others by name', () => {
    expect(
      branchChoices({ defaultBranch: 'main', branches: ['b', 'main', 'a', ''], current: { kind: 'branch', branch: 'z' } }),
    ).toEqual(['main', 'a', 'b', 'z']);
  });

  it('writes "—" for missing, null, NaN or infinite figures', () => {
    for (const bad of [undefined, null, NaN, Infinity]) {
      expect(formatPercent(bad)).toBe('—');
      expect(formatSeconds(bad)).toBe('—');
      expect(formatCount(bad)).toBe('—');
      expect(formatThroughput(bad)).toBe('—');
    }
    expect(formatSeconds(-1)).toBe('—');
    expect(formatPercent(0.875)).toBe('88%');
    expect(formatPercent(0.004)).toBe('0.4%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatSeconds(192)).toBe('3m 12s');
    expect(formatCount(1234)).toBe('1,234');
    expect(formatThroughput(2.46)).toBe('2.5');
  });

  it('tells whether a trend is good: rising duration is bad, rising success rate good', () => {
    expect(trendOf({ metric: 'p95_duration_secs', ratio: 0.25 })).toEqual({
      direction: 'up', verdict: 'bad', change: '+25%', textKey: 'trendUpBad',
    });
    expect(trendOf({ metric: 'success_rate', ratio: 0.1 })).toMatchObject({ direction: 'up', verdict: 'good' });
    expect(trendOf({ metric: 'success_rate', ratio: -0.1 })).toMatchObject({ direction: 'down', verdict: 'bad', change: '-10%' });
    expect(trendOf({ metric: 'mttr', ratio: -0.5 })).toMatchObject({ verdict: 'good', textKey: 'trendDownGood' });
    expect(trendOf({ metric: 'throughput', ratio: 0.5 })).toMatchObject({ verdict: 'neutral', textKey: 'trendUp' });
    expect(trendOf({ metric: 'failed_runs', ratio: 0.004 })).toMatchObject({ direction: 'flat', textKey: 'trendFlat' });
    expect(trendOf({ metric: 'failed_runs', ratio: undefined })).toBeUndefined();
    expect(trendOf({ metric: 'failed_runs', ratio: NaN })).toBeUndefined();
  });

  it('says how fresh the figures are from the latest window end, or nothing without one', () => {
    const now = Date.parse('2026-12-02T12:00:00Z');
    const f = freshnessOf({
      windows: [
        { window_start: '2026-11-02T12:00:00Z', window_end: '2026-12-02T09:00:00Z' },
        { window_start: '', window_end: 'nonsense' },
      ],
      now,
    });
    expect(f?.computed).toBe('3 hours ago');
    expect(f?.from).toMatch(/2026/);
    expect(freshnessOf({ windows: [{ window_end: '' }, {}], now })).toBeUndefined();
  });

  it('charts only runs with a readable start and duration, oldest first', () => {
    const points = runPoints([
      { id: 'b', created_at: '2026-12-02T10:00:00Z', duration: 120, status: 'failed' },
      { id: 'a', created_at: '2026-12-01T10:00:00Z', duration: 60, status: 'success' },
      { id: 'c', created_at: '', duration: 60 },
      { id: 'd', created_at: '2026-12-01T11:00:00Z', status: 'success' },
    ]);
    expect(points.map(p => [p.id, p.minutes, p.group])).toEqual([['a', 1, 'success'], ['b', 2, 'failed']]);
    expect(newestFirst([{ created_at: 'x' }, { created_at: '2026-12-01T00:00:00Z' }])[0].created_at).not.toBe('x');
  });

  it('explains a 403 or 404 from insights with the token they need', async () => {
    for (const status of [403, 404]) {
      const error = await ResponseError.fromResponse(
        new Response(JSON.stringify({ message: 'x' }), { status, headers: { 'Content-Type': 'application/json' } }),
      );
      const d = describeInsightsError(error, { project: 'gh/a/b' });
      expect(english(d.title)).toBe('Insights not available');
      expect(english(d.message)).toContain('personal API token');
      expect(english(d.message)).toContain(`HTTP ${status}`);
    }
    const other = describeInsightsError(new Error('boom'), { project: 'gh/a/b' });
    expect(other.kind).toBe('unknown');
    const serverError = await ResponseError.fromResponse(new Response('{}', { status: 500 }));
    expect(describeInsightsError(serverError, { project: 'gh/a/b' }).kind).toBe('server');
  });
});

describe('windowStart', () => {
  it('is the window length before now', () => {
    const now = Date.parse('2026-12-02T12:00:00Z');
    expect(windowStart({ reportingWindow: 'last-24-hours', now })).toBe('2026-12-01T12:00:00.000Z');
    expect(windowStart({ reportingWindow: 'last-30-days', now })).toBe('2026-11-02T12:00:00.000Z');
    expect(windowStart({ reportingWindow: 'last-90-days', now })).toBe('2026-09-03T12:00:00.000Z');
  });
});
