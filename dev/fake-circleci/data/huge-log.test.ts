/**
 * @jest-environment node
 */

/*
 * The size knob of the fake's huge step log (benchmark P3 scaling): the
 * `hugeLogLines` option, `setHugeLogLines`, `reset()` and determinism. The
 * server's `POST /__fake/huge-log-lines` is in fakeCircleCI.server.test.ts.
 */

import {
  createFakeCircleCI,
  HUGE_LOG_LINES,
  MAX_HUGE_LOG_LINES,
  MIN_HUGE_LOG_LINES,
  type FakeCircleCI,
} from '..';
import { hugeLog } from './logs';
import { callFake } from '../testing';

const START = Date.parse('2026-03-10T09:00:00Z');

function setup(options: { hugeLogLines?: number; seed?: number } = {}) {
  return createFakeCircleCI({ now: () => START, startTime: START, ...options });
}

async function fetchHugeLog(fake: FakeCircleCI): Promise<string> {
  const { projectSlug, jobNumber, step } = fake.demo.hugeLogJob;
  const answer = await callFake({
    fake,
    path: `private/output/raw/${projectSlug}/${jobNumber}/output/0/${step}`,
  });
  expect(answer.status).toBe(200);
  return answer.text;
}

const lineCount = (text: string) => text.split('\n').length - 1;

describe('fake CircleCI huge log size', () => {
  it('defaults to HUGE_LOG_LINES and takes the hugeLogLines option', async () => {
    expect(setup().hugeLogLines).toBe(HUGE_LOG_LINES);
    const fake = setup({ hugeLogLines: 10_000 });
    expect(fake.hugeLogLines).toBe(10_000);
    const text = await fetchHugeLog(fake);
    expect(text.endsWith('\n')).toBe(true);
    expect(lineCount(text)).toBe(10_000);
    expect(text).toContain('scenario 9996 ');
    expect(text).not.toContain('scenario 9997 ');
    expect(text).toContain(' 9996 passed (41.2m)');
  });

  it('rejects sizes other than integers from 5 to 1,000,000', () => {
    for (const n of [0, 4, 2_000_000, 10.5, NaN, Infinity]) {
      expect(() => setup({ hugeLogLines: n })).toThrow(RangeError);
    }
    const fake = setup({ hugeLogLines: 50 });
    expect(() => fake.setHugeLogLines(MIN_HUGE_LOG_LINES - 1)).toThrow(RangeError);
    expect(() => fake.setHugeLogLines(MAX_HUGE_LOG_LINES + 1)).toThrow(RangeError);
    expect(() => fake.setHugeLogLines(99.5)).toThrow(RangeError);
    expect(fake.hugeLogLines).toBe(50);
  });

  it('serves n lines after setHugeLogLines(n); reset() keeps the size', async () => {
    const fake = setup();
    for (const n of [MIN_HUGE_LOG_LINES, 1_234, 50_000]) {
      fake.setHugeLogLines(n);
      expect(fake.hugeLogLines).toBe(n);
      expect(lineCount(await fetchHugeLog(fake))).toBe(n);
    }
    fake.reset();
    expect(fake.hugeLogLines).toBe(50_000);
    expect(lineCount(await fetchHugeLog(fake))).toBe(50_000);
  });

  it('only changes the huge step', async () => {
    const a = setup({ hugeLogLines: 100 });
    const b = setup({ hugeLogLines: 200 });
    const { projectSlug, jobNumber, step } = a.demo.failingJob;
    const path = `private/output/raw/${projectSlug}/${jobNumber}/output/0/${step}`;
    expect((await callFake({ fake: a, path })).text).toBe((await callFake({ fake: b, path })).text);
    const v1 = `v1.1/project/${projectSlug}/${a.demo.hugeLogJob.jobNumber}`;
    expect((await callFake({ fake: a, path: v1 })).text).toBe(
      (await callFake({ fake: b, path: v1 })).text,
    );
  });

  it('is deterministic for a job and size (also after the cache evicted it)', async () => {
    const text = await fetchHugeLog(setup({ hugeLogLines: 2_000 }));
    const jobId = 'e2e-job-id';
    const first = hugeLog(jobId, 2_000);
    for (const n of [2_001, 2_002, 2_003]) hugeLog(jobId, n);
    expect(hugeLog(jobId, 2_000)).toBe(first);
    expect(await fetchHugeLog(setup({ hugeLogLines: 2_000 }))).toBe(text);
    // A bigger log of the same job starts with the same scenarios.
    const bigger = hugeLog(jobId, 4_000).split('\n');
    expect(bigger.slice(1, 1_997)).toEqual(first.split('\n').slice(1, 1_997));
  });
});
