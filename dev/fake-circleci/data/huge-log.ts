/*
 * The huge step log of the demo's `e2e` job: a Playwright-like run with one
 * line per passing scenario, `HUGE_LOG_LINES` lines by default (about
 * 20 MB); its size is a knob of the fake (benchmark P3 scaling).
 */

const green = (s: string) => `\x1b[32m${s}\x1b[39m`;
const dim = (s: string) => `\x1b[2m${s}\x1b[22m`;

/** Default number of lines of the huge log. */
export const HUGE_LOG_LINES = 200_000;
/** Smallest allowed size of the huge log (its 4 header/footer lines and one test line). */
export const MIN_HUGE_LOG_LINES = 5;
/** Largest allowed size of the huge log. */
export const MAX_HUGE_LOG_LINES = 1_000_000;

/** Whether `n` is an allowed size of the huge log (an integer from 5 to 1,000,000). */
export function isHugeLogLines(n: unknown): n is number {
  return (
    typeof n === 'number' &&
    Number.isInteger(n) &&
    n >= MIN_HUGE_LOG_LINES &&
    n <= MAX_HUGE_LOG_LINES
  );
}

const HUGE_CACHE_SIZE = 3;
const hugeCache = new Map<string, string>();

/**
 * The huge log of the `e2e` job: `lines` lines, each ending in `\n`
 * (deterministic for a job id and size). The three most recently used logs
 * are cached under `${jobId}:${lines}`.
 */
export function hugeLog(jobId: string, lines: number = HUGE_LOG_LINES): string {
  const key = `${jobId}:${lines}`;
  const cached = hugeCache.get(key);
  if (cached !== undefined) {
    hugeCache.delete(key);
    hugeCache.set(key, cached);
    return cached;
  }
  const out: string[] = [`Running ${lines} tests using 4 workers`, ''];
  let x = 0;
  for (const ch of jobId) x = (x * 31 + ch.charCodeAt(0)) >>> 0;
  for (let i = 1; i <= lines - 4; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const suite = String((x >>> 8) % 97).padStart(2, '0');
    const ms = (x >>> 16) % 900;
    out.push(
      `  ${green('✓')} ${String(i).padStart(6, ' ')} [chromium] › e2e/suite-${suite}.spec.ts:${(x >>> 4) % 400}:5 › launch pad › scenario ${i} ${dim(`(${ms}ms)`)}`,
    );
  }
  out.push('', green(`  ${lines - 4} passed (41.2m)`));
  const text = `${out.join('\n')}\n`;
  while (hugeCache.size >= HUGE_CACHE_SIZE)
    hugeCache.delete(hugeCache.keys().next().value as string);
  hugeCache.set(key, text);
  return text;
}
