/*
 * Insights rules: the reporting windows and the view's URL values, how a
 * figure is written ("—" when it is missing or not a number, never NaN),
 * which way a trend points and whether that is good, and how fresh the
 * figures are. No React and no I/O.
 */
import type { ReportingWindow } from '@circleci-backstage/plugin-circleci-common';
import { formatDuration } from './time';
import { NO_VALUE } from './text';

/** The reporting windows, shortest first. */
export const REPORTING_WINDOWS: readonly ReportingWindow[] = [
  'last-24-hours',
  'last-7-days',
  'last-30-days',
  'last-60-days',
  'last-90-days',
];

/** The window shown when the URL names none. */
export const DEFAULT_REPORTING_WINDOW: ReportingWindow = 'last-30-days';

const WINDOW_HOURS: Record<ReportingWindow, number> = {
  'last-24-hours': 24,
  'last-7-days': 7 * 24,
  'last-30-days': 30 * 24,
  'last-60-days': 60 * 24,
  'last-90-days': 90 * 24,
};

/** When a reporting window that ends `now` (ms since the epoch) starts, as an ISO time. */
export function windowStart(options: { reportingWindow: ReportingWindow; now: number }): string {
  return new Date(options.now - WINDOW_HOURS[options.reportingWindow] * 3_600_000).toISOString();
}

/** The URL's `window` value as a window; the default for anything else. */
export function parseReportingWindow(value: string | null | undefined): ReportingWindow {
  return REPORTING_WINDOWS.find(w => w === value) ?? DEFAULT_REPORTING_WINDOW;
}

/**
 * Which branches the figures cover: the project's default branch (no
 * parameter sent, CircleCI picks it), one branch, or all branches.
 */
export type InsightsBranchScope =
  | { kind: 'default' }
  | { kind: 'branch'; branch: string }
  | { kind: 'all' };

/**
 * The URL's `branch` value meaning all branches. Git forbids `*` in
 * branch names, so it cannot clash with one.
 */
export const ALL_BRANCHES_VALUE = '*';

/**
 * The URL's `branch` value as a scope: none (or empty) is the default
 * branch, `*` all branches, and the default branch's own name is the
 * default branch too (so both spellings share one request).
 */
export function parseBranchScope(options: {
  value: string | null | undefined;
  defaultBranch?: string;
}): InsightsBranchScope {
  const value = options.value?.trim();
  if (!value) return { kind: 'default' };
  if (value === ALL_BRANCHES_VALUE) return { kind: 'all' };
  if (value === options.defaultBranch) return { kind: 'default' };
  return { kind: 'branch', branch: value };
}

/** The URL's `branch` value for a scope (undefined: leave it out). */
export function branchScopeValue(scope: InsightsBranchScope): string | undefined {
  if (scope.kind === 'all') return ALL_BRANCHES_VALUE;
  if (scope.kind === 'branch') return scope.branch;
  return undefined;
}

/** The branch picker's choices: the default branch first, then the others by name. */
export function branchChoices(options: {
  defaultBranch?: string;
  branches?: readonly string[];
  current: InsightsBranchScope;
}): string[] {
  const { defaultBranch, branches = [], current } = options;
  const others = new Set(branches.filter(b => typeof b === 'string' && b !== '' && b !== defaultBranch));
  if (current.kind === 'branch' && current.branch !== defaultBranch) others.add(current.branch);
  return [...(defaultBranch ? [defaultBranch] : []), ...[...others].sort()];
}

const finite = (n: number | null | undefined): n is number =>
  typeof n === 'number' && Number.isFinite(n);

/** A rate from 0 to 1 as a whole percent (`87%`); "—" for no figure. */
export function formatPercent(rate: number | null | undefined): string {
  if (!finite(rate)) return NO_VALUE;
  const pct = rate * 100;
  return `${pct > 0 && pct < 1 ? pct.toFixed(1) : Math.round(pct)}%`;
}

/** A duration in seconds, compactly (`3m 12s`); "—" for no figure. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (!finite(seconds) || seconds < 0) return NO_VALUE;
  return formatDuration(Math.round(seconds) * 1000);
}

/** A count (`1,234`); "—" for no figure. */
export function formatCount(n: number | null | undefined): string {
  if (!finite(n)) return NO_VALUE;
  return Math.round(n).toLocaleString('en-US');
}

/** Runs per day with one decimal at most (`2.5`); "—" for no figure. */
export function formatThroughput(perDay: number | null | undefined): string {
  if (!finite(perDay)) return NO_VALUE;
  return String(Math.round(perDay * 10) / 10);
}

/** The figures a trend can be about, as named in the summary's `trends`. */
export type TrendMetric =
  | 'total_runs'
  | 'failed_runs'
  | 'success_rate'
  | 'p95_duration_secs'
  | 'median_duration_secs'
  | 'total_credits_used'
  | 'mttr'
  | 'throughput';

/** Whether more of a figure is good, bad, or neither. */
const MORE_IS: Record<TrendMetric, 'good' | 'bad' | 'neutral'> = {
  success_rate: 'good',
  failed_runs: 'bad',
  p95_duration_secs: 'bad',
  median_duration_secs: 'bad',
  total_credits_used: 'bad',
  mttr: 'bad',
  throughput: 'neutral',
  total_runs: 'neutral',
};

/** A trend, ready to show. */
export interface Trend {
  /** Which way the figure went. */
  direction: 'up' | 'down' | 'flat';
  /** Whether that is good news. */
  verdict: 'good' | 'bad' | 'neutral';
  /** The change as a signed percent (`+12%`, `-3%`, `0%`). */
  change: string;
  /** The key of its text in the translation section `insights` (takes `change`). */
  textKey: 'trendFlat' | 'trendUp' | 'trendDown' | 'trendUpGood' | 'trendUpBad' | 'trendDownGood' | 'trendDownBad';
}

/**
 * A trend from its ratio against the previous window (0.1 = 10 % more).
 * Changes under half a percent are flat. Undefined when there is no ratio.
 */
export function trendOf(options: { metric: TrendMetric; ratio: number | null | undefined }): Trend | undefined {
  const { metric, ratio } = options;
  if (!finite(ratio)) return undefined;
  const pct = Math.round(ratio * 100);
  if (pct === 0) return { direction: 'flat', verdict: 'neutral', change: '0%', textKey: 'trendFlat' };
  const up = pct > 0;
  const more = MORE_IS[metric];
  let verdict: Trend['verdict'] = 'neutral';
  if (more !== 'neutral') verdict = up === (more === 'good') ? 'good' : 'bad';
  const goodness = verdict === 'good' ? 'Good' : 'Bad';
  return {
    direction: up ? 'up' : 'down',
    verdict,
    change: `${up ? '+' : ''}${pct}%`,
    textKey: `trend${up ? 'Up' : 'Down'}${verdict === 'neutral' ? '' : goodness}`,
  };
}

/** When the figures were computed, and the period they cover. */
export interface Freshness {
  /** The window's start, as a date (`Nov 1, 2026`). */
  from: string;
  /** The window's end, as a date and time. */
  to: string;
  /** The window's end relative to now (`3 hours ago`). */
  computed: string;
}

/**
 * The freshness of figures from their `window_start` / `window_end`, taking
 * the latest end among the items; undefined when no item has a valid end.
 */
export function freshnessOf(options: {
  windows: ReadonlyArray<{ window_start?: string | null; window_end?: string | null }>;
  now?: number;
}): Freshness | undefined {
  const now = options.now ?? Date.now();
  let end: number | undefined;
  let start: number | undefined;
  for (const w of options.windows) {
    const e = Date.parse(w.window_end ?? '');
    const s = Date.parse(w.window_start ?? '');
    if (Number.isFinite(e) && (end === undefined || e > end)) end = e;
    if (Number.isFinite(s) && (start === undefined || s < start)) start = s;
  }
  if (end === undefined) return undefined;
  const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const minutes = Math.round((end - now) / 60_000);
  let computed = relative.format(Math.round(minutes / 1440), 'day');
  if (Math.abs(minutes) < 48 * 60) computed = relative.format(Math.round(minutes / 60), 'hour');
  if (Math.abs(minutes) < 60) computed = relative.format(minutes, 'minute');
  return {
    from: start === undefined ? NO_VALUE : date.format(start),
    to: dateTime.format(end),
    computed,
  };
}
