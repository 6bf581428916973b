/*
 * Test results as the plugin groups them: the outcome of each test, the
 * order in which they are listed, and the counts.
 */
import type { TestResult } from '@circleci-backstage/plugin-circleci-common';
import type { CircleCIStatus } from './status';
import { type CircleCIMessage, type CircleCIMessageKey, msg } from './messages';
import { stripControl } from './text';

/**
 * How a test ended, as the plugin groups reporters' result strings.
 */
export type TestOutcome = 'failed' | 'passed' | 'skipped' | 'other';

/**
 * Maps a reporter's result string (`success`, `failure`, `skipped`, ...) to an outcome.
 */
export function testOutcome(result: string | null | undefined): TestOutcome {
  switch ((result ?? '').toLowerCase()) {
    case 'success':
    case 'passed':
    case 'pass':
      return 'passed';
    case 'failure':
    case 'failed':
    case 'error':
      return 'failed';
    case 'skipped':
    case 'skip':
    case 'disabled':
      return 'skipped';
    default:
      return 'other';
  }
}

/** Failures first, then results the plugin does not know, passes, skips. */
const ORDER: Record<TestOutcome, number> = { failed: 0, other: 1, passed: 2, skipped: 3 };

const STATUS: Record<TestOutcome, CircleCIStatus> = {
  failed: 'failed',
  other: 'unknown',
  passed: 'success',
  skipped: 'not_run',
};


/** One test result, ready to show: readable text, its outcome, its place. */
export interface TestRow {
  /** The result's position in CircleCI's answer. */
  id: number;
  outcome: TestOutcome;
  /** The reporter's own result string. */
  result: string;
  name: string;
  classname: string;
  file: string;
  /** The failure message; shown only for failed tests. */
  message: string;
  /** Seconds; 0 when the reporter gave none. */
  runTime: number;
}

/** The status whose icon shows an outcome. */
export function testOutcomeStatus(outcome: TestOutcome): CircleCIStatus {
  return STATUS[outcome];
}

/** The names of the outcomes the plugin knows. */
const LABELS: Record<Exclude<TestOutcome, 'other'>, CircleCIMessageKey> = {
  failed: 'testOutcomes.failed',
  passed: 'testOutcomes.passed',
  skipped: 'testOutcomes.skipped',
};

/** The label of a test's result: the outcome's name, or the reporter's own word. */
export function testResultLabel(row: Pick<TestRow, 'outcome' | 'result'>): CircleCIMessage {
  return row.outcome === 'other'
    ? msg('testOutcomes.reported', { result: row.result })
    : { key: LABELS[row.outcome] };
}

/** A test's run time as text: `0.25 s`. */
export function testRunTimeText(seconds: number): string {
  return `${(Number.isFinite(seconds) ? seconds : 0).toFixed(2)} s`;
}

/**
 * The test results as rows, failures first, then other results, passes
 * and skips; within each group in CircleCI's order. Control characters
 * are removed from every text.
 */
export function testRows(tests: readonly TestResult[]): TestRow[] {
  return tests
    .map(
      (t, id): TestRow => ({
        id,
        outcome: testOutcome(t.result),
        result: stripControl(t.result),
        name: stripControl(t.name),
        classname: stripControl(t.classname),
        file: stripControl(t.file ?? ''),
        message: stripControl(t.message),
        runTime: Number.isFinite(t.run_time) ? t.run_time : 0,
      }),
    )
    .sort((a, b) => ORDER[a.outcome] - ORDER[b.outcome] || a.id - b.id);
}

/** How many tests had each outcome. */
export function countOutcomes(rows: readonly Pick<TestRow, 'outcome'>[]): Record<TestOutcome, number> {
  const counts: Record<TestOutcome, number> = { failed: 0, other: 0, passed: 0, skipped: 0 };
  for (const row of rows) counts[row.outcome]++;
  return counts;
}

/** The summary line: `12 tests: 9 passed, 1 failed, 2 skipped` (and `, 1 other`). */
export function testSummary(counts: Record<TestOutcome, number>): CircleCIMessage {
  const total = counts.failed + counts.other + counts.passed + counts.skipped;
  return counts.other
    ? msg('domain.testSummaryOther', { ...counts, count: total })
    : msg('domain.testSummary', { ...counts, count: total });
}
