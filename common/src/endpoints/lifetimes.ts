/*
 * How long an answer stays true. The endpoint table decides per answer;
 * the browser polls only what is live, and the server caches each answer
 * for its lifetime.
 */

/**
 * - `final`: it cannot change any more (a finished job's steps);
 * - `live`: its work runs and it changes (a running workflow);
 * - `list`: a list that grows (a project's pipelines);
 * - `slow`: figures recomputed rarely (insights, a project's settings).
 * @public
 */
export type Lifetime = 'final' | 'live' | 'list' | 'slow';

/**
 * The lifetime of each kind in milliseconds: how long a shared cache may
 * serve an answer. `live` is the browser's poll interval.
 * @public
 */
export const LIFETIME_MS: Readonly<Record<Lifetime, number>> = {
  final: 24 * 60 * 60_000,
  live: 10_000,
  list: 5_000,
  slow: 10 * 60_000,
};

/** Raw CircleCI statuses (workflow, job, step, v1.1 build) whose work may still change. */
const UNFINISHED = new Set([
  'running',
  'failing',
  'on_hold',
  'queued',
  'not_running',
  'scheduled',
  'blocked',
]);

/**
 * True while work with this raw status may still change.
 * @public
 */
export function isUnfinishedStatus(status: string | null | undefined): boolean {
  return typeof status === 'string' && UNFINISHED.has(status);
}

/**
 * `live` while any of the statuses is unfinished, else `whenDone`.
 * @public
 */
export function liveWhileUnfinished(options: {
  statuses: ReadonlyArray<string | null | undefined>;
  whenDone: Lifetime;
}): Lifetime {
  return options.statuses.some(isUnfinishedStatus) ? 'live' : options.whenDone;
}
