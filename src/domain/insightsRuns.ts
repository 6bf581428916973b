/*
 * Insights rules about a workflow's recent runs (its chart and table):
 * which runs can be charted, their status colour group, their order and
 * how their start is written. No React and no I/O.
 */
import { NO_VALUE } from './text';

const finite = (n: number | null | undefined): n is number =>
  typeof n === 'number' && Number.isFinite(n);

/** A run's status as a colour group of the chart. */
export function runStatusGroup(status: string | null | undefined): 'success' | 'failed' | 'other' {
  if (status === 'success') return 'success';
  if (status === 'failed' || status === 'error' || status === 'failing') return 'failed';
  return 'other';
}

/** A run's start as a short date and time (`Dec 1, 2026, 3:04 PM`); "—" when unreadable. */
export function runTimeText(iso: string | null | undefined): string {
  const ms = Date.parse(iso ?? '');
  if (!Number.isFinite(ms)) return NO_VALUE;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** A chart point: a run with a readable start and duration. */
export interface RunPoint {
  /** The workflow's id (its page in the tab). */
  id: string;
  /** Start, ms since epoch. */
  time: number;
  /** Duration in minutes. */
  minutes: number;
  /** The run's status colour group. */
  group: 'success' | 'failed' | 'other';
  /** The raw status. */
  status?: string | null;
}

/** The runs that can be charted (readable start and duration), oldest first. */
export function runPoints(runs: ReadonlyArray<{ id: string; created_at: string; duration?: number; status?: string | null }>): RunPoint[] {
  const points: RunPoint[] = [];
  for (const run of runs) {
    const time = Date.parse(run.created_at);
    if (!Number.isFinite(time) || !finite(run.duration) || run.duration < 0) continue;
    points.push({
      id: run.id,
      time,
      minutes: Math.round((run.duration / 60) * 100) / 100,
      group: runStatusGroup(run.status),
      status: run.status,
    });
  }
  return points.sort((a, b) => a.time - b.time);
}

/** Runs newest first, whatever order the API sent (unreadable starts last). */
export function newestFirst<T extends { created_at: string }>(runs: readonly T[]): T[] {
  const at = (r: T) => {
    const ms = Date.parse(r.created_at);
    return Number.isFinite(ms) ? ms : -Infinity;
  };
  return [...runs].sort((a, b) => at(b) - at(a));
}
