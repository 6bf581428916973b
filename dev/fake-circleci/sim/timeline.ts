/*
 * Status computation. Nothing here is stored: the status of a job or a
 * workflow is derived from its plan (queue time, duration, outcome,
 * approvals, cancellations) and the current time, so running work advances
 * by itself as `now()` moves on.
 */

import type { SpecJobStatus, SpecWorkflowStatus } from '../spec/schemas';
import type { JobModel, WorkflowModel } from './model';

/** Delay between the jobs a job requires finishing and the job being ready. */
export const READY_DELAY_MS = 2000;

/** When a job becomes ready, starts and finishes (`Infinity` = not yet known). */
export interface JobTimes {
  /** Ready to be queued (all required jobs succeeded). */
  readyAt: number;
  /** Started running (approval jobs: went on hold). */
  startAt: number;
  /** Reached its final status. */
  doneAt: number;
  /** The final status (valid from `doneAt`). */
  final: SpecJobStatus;
}

/** Computes the times of every job of a workflow (keyed by job id). */
export function workflowTimes(workflow: WorkflowModel): Map<string, JobTimes> {
  const times = new Map<string, JobTimes>();
  for (const job of workflow.jobs) {
    times.set(job.id, jobTimes({ job, workflow, times }));
  }
  return times;
}

function jobTimes(options: {
  job: JobModel;
  workflow: WorkflowModel;
  times: Map<string, JobTimes>;
}): JobTimes {
  const { job, workflow } = options;
  const deps = job.dependencies
    .map(id => options.times.get(id))
    .filter((t): t is JobTimes => Boolean(t));
  const depsDone = deps.reduce((max, d) => Math.max(max, d.doneAt), workflow.createdAt);
  const depsFailed = deps.some(d => d.final !== 'success');
  const cancelAt = Math.min(workflow.canceledAt ?? Infinity, job.canceledAt ?? Infinity);
  const canceled = (t: JobTimes): JobTimes =>
    cancelAt <= t.doneAt && Number.isFinite(cancelAt)
      ? {
          readyAt: Math.min(t.readyAt, cancelAt),
          startAt: t.startAt < cancelAt ? t.startAt : Infinity,
          doneAt: cancelAt,
          final: 'canceled',
        }
      : t;

  if (depsFailed && Number.isFinite(depsDone)) {
    return canceled({ readyAt: Infinity, startAt: Infinity, doneAt: depsDone, final: 'not_run' });
  }
  const readyAt = depsDone + READY_DELAY_MS;
  if (job.type === 'approval') {
    const approvedAt = job.approvedAt ?? Infinity;
    return canceled({
      readyAt,
      startAt: readyAt,
      doneAt: Math.max(approvedAt, readyAt),
      final: 'success',
    });
  }
  if (job.outcome === 'not_run' || job.outcome === 'unauthorized') {
    return canceled({ readyAt, startAt: Infinity, doneAt: readyAt, final: job.outcome });
  }
  const startAt = readyAt + job.queueMs;
  return canceled({ readyAt, startAt, doneAt: startAt + job.durationMs, final: job.outcome });
}

/** The status of a job at time `t`. */
export function jobStatusAt(options: {
  job: JobModel;
  times: JobTimes;
  t: number;
}): SpecJobStatus {
  const { job, times, t } = options;
  if (t >= times.doneAt) return times.final;
  if (t < times.readyAt) return job.dependencies.length > 0 ? 'blocked' : 'queued';
  if (job.type === 'approval') return 'on_hold';
  if (t < times.startAt) return 'queued';
  return 'running';
}

const FAILED = new Set<SpecJobStatus>(['failed', 'infrastructure_fail', 'timedout']);

/** The status of a workflow at time `t`, derived from its jobs. */
export function workflowStatusAt(options: {
  workflow: WorkflowModel;
  times: Map<string, JobTimes>;
  t: number;
}): SpecWorkflowStatus {
  const { workflow, times, t } = options;
  const statuses = workflow.jobs.map(job =>
    jobStatusAt({ job, times: times.get(job.id) as JobTimes, t }),
  );
  const has = (s: SpecJobStatus) => statuses.includes(s);
  const failed = statuses.some(s => FAILED.has(s));
  const onHold = has('on_hold');
  if (has('running') || has('queued') || (has('blocked') && !onHold)) {
    return failed ? 'failing' : 'running';
  }
  if (onHold) return 'on_hold';
  if ((workflow.canceledAt !== undefined && workflow.canceledAt <= t) || has('canceled'))
    return 'canceled';
  if (workflow.forceError) return 'error';
  if (has('unauthorized')) return 'unauthorized';
  if (failed) return 'failed';
  if (statuses.length > 0 && statuses.every(s => s === 'not_run')) return 'not_run';
  return 'success';
}

/** When a finished workflow stopped (`null` while it runs or is on hold). */
export function workflowStoppedAt(options: {
  workflow: WorkflowModel;
  times: Map<string, JobTimes>;
  status: SpecWorkflowStatus;
}): number | null {
  const { workflow, times, status } = options;
  if (status === 'running' || status === 'failing' || status === 'on_hold') return null;
  let stopped = workflow.createdAt;
  for (const job of workflow.jobs) {
    const done = times.get(job.id)?.doneAt ?? Infinity;
    if (Number.isFinite(done)) stopped = Math.max(stopped, done);
  }
  return stopped;
}

/** Formats a time like CircleCI formats workflow and job times (no milliseconds). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Formats a time with milliseconds (pipelines, v1.1). */
export function isoMillis(ms: number): string {
  return new Date(Math.floor(ms)).toISOString();
}
