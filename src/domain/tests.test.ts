import { english } from '../__testUtils__/english';
import type { TestResult } from '@circleci-backstage/plugin-circleci-common';
import {
  countOutcomes,
  testOutcome,
  testOutcomeStatus,
  testResultLabel,
  testRows,
  testRunTimeText,
  testSummary,
} from './tests';

function result(name: string, outcome: string, extra: Partial<TestResult> = {}): TestResult {
  return { name, result: outcome, classname: 'c', message: '', source: 'jest', run_time: 0.5, file: null, ...extra };
}

describe('testOutcome', () => {
  it.each([
    ['success', 'passed'],
    ['PASSED', 'passed'],
    ['failure', 'failed'],
    ['error', 'failed'],
    ['skipped', 'skipped'],
    ['disabled', 'skipped'],
    ['flaky', 'other'],
    ['', 'other'],
  ])('maps %j to %j', (input, expected) => {
    expect(testOutcome(input)).toBe(expected);
  });
});

describe('testRows', () => {
  it('lists failures first, then other results, passes and skips, each in CircleCI order', () => {
    const rows = testRows([
      result('a', 'skipped'),
      result('b', 'success'),
      result('c', 'failure'),
      result('d', 'flaky'),
      result('e', 'success'),
      result('f', 'failure'),
    ]);
    expect(rows.map(r => r.name)).toEqual(['c', 'f', 'd', 'b', 'e', 'a']);
  });

  it('strips control characters and reads a missing run time as 0', () => {
    const [row] = testRows([result('\u001b[31mred\u001b[0m', 'failure', { run_time: NaN, file: undefined })]);
    expect(row.name).toBe('red');
    expect(row.file).toBe('');
    expect(row.runTime).toBe(0);
  });
});

describe('labels and counts', () => {
  it('labels an outcome, or keeps the reporter word for others', () => {
    expect(english(testResultLabel({ outcome: 'failed', result: 'failure' }))).toBe('Failed');
    expect(english(testResultLabel({ outcome: 'other', result: 'flaky' }))).toBe('flaky');
    expect(testOutcomeStatus('skipped')).toBe('not_run');
    expect(testOutcomeStatus('other')).toBe('unknown');
  });

  it('summarises the counts, naming others only when there are some', () => {
    const counts = countOutcomes(testRows([result('a', 'success'), result('b', 'failure'), result('c', 'skipped')]));
    expect(english(testSummary(counts))).toBe('3 tests: 1 passed, 1 failed, 1 skipped');
    expect(english(testSummary({ ...counts, other: 2 }))).toBe('5 tests: 1 passed, 1 failed, 1 skipped, 2 other');
  });

  it('formats a run time in seconds', () => {
    expect(testRunTimeText(0.254)).toBe('0.25 s');
    expect(testRunTimeText(NaN)).toBe('0.00 s');
  });
});
