/*
 * The end of a log, bounded: on the fake's 200,000-line log (~20 MB, the
 * demo's e2e job) only the last lines are kept, within the byte bound,
 * and the log is never split whole; ANSI and `\r` overwrites are removed.
 */
// The fake CircleCI's data is the repository's one test double (dev/, not a package).
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { hugeLog } from '../../../dev/fake-circleci/data/huge-log';
import { cleanLine, MAX_LINE_CHARS, tailOf } from './logTail';

describe('tailOf', () => {
  it('keeps the last lines of a 200,000-line log within the byte bound, quickly', () => {
    const log = hugeLog('job-id', 200_000);
    expect(log.length).toBeGreaterThan(10_000_000);
    const split = jest.spyOn(String.prototype, 'split');
    const started = Date.now();
    const tail = tailOf({ log, lines: 200, maxBytes: 20_000 });
    const took = Date.now() - started;
    expect(split).not.toHaveBeenCalled();
    split.mockRestore();
    expect(tail.bytes).toBeLessThanOrEqual(20_000);
    expect(tail.truncated).toBe(true);
    expect(tail.lines.length).toBeGreaterThan(50);
    expect(tail.lines[tail.lines.length - 1]).toBe('  199996 passed (41.2m)');
    expect(tail.lines.join('\n')).not.toContain('\u001b');
    expect(took).toBeLessThan(500);
  });

  it('keeps at most `lines` lines, and every line of a short log', () => {
    expect(tailOf({ log: 'a\nb\nc\n', lines: 2, maxBytes: 1000 })).toEqual({ lines: ['b', 'c'], truncated: true, bytes: 4 });
    expect(tailOf({ log: 'a\nb\n\n', lines: 5, maxBytes: 1000 })).toEqual({ lines: ['a', 'b'], truncated: false, bytes: 4 });
    expect(tailOf({ log: '', lines: 5, maxBytes: 1000 })).toEqual({ lines: [], truncated: false, bytes: 0 });
  });

  it('cleans a line as a terminal shows it', () => {
    expect(cleanLine('\u001b[31mFAIL\u001b[39m src/a.test.ts')).toBe('FAIL src/a.test.ts');
    expect(cleanLine('progress 10%\rprogress 100%')).toBe('progress 100%');
    expect(cleanLine('\u001b]8;;https://x\u0007link\u001b]8;;\u0007 ok')).toBe('link ok');
    expect(cleanLine('x'.repeat(5000))).toHaveLength(MAX_LINE_CHARS);
  });
});
