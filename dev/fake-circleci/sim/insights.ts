/*
 * Insights figures computed from the simulated history at time `t`: the
 * same workflows the pipelines list shows, so numbers and list agree.
 * Only finished runs count (CircleCI computes insights after the fact).
 */

import type { SpecTestResult, SpecWorkflowMetricsPage, SpecWorkflowStatus } from '../spec/schemas';

/** The spec's workflow `metrics` object (durations in seconds). */
export type SpecRunMetrics = SpecWorkflowMetricsPage['items'][number]['metrics'];
/** The spec's `duration_metrics` object. */
export type SpecDurationMetrics = SpecRunMetrics['duration_metrics'];
import type { JobModel, PipelineModel, ProjectModel, WorkflowModel } from './model';
import { workflowStatusAt, workflowStoppedAt, workflowTimes } from './timeline';

const DAY = 86_400_000;

/** Days per reporting window; CircleCI's default is `last-90-days`. */
export const WINDOW_DAYS: Record<string, number> = {
  'last-24-hours': 1,
  'last-7-days': 7,
  'last-30-days': 30,
  'last-60-days': 60,
  'last-90-days': 90,
};

/** Credits per minute of a job (the medium resource class). */
export const CREDITS_PER_MINUTE = 10;

/** Which runs count: a branch (`undefined`: all branches) and a time range. */
export interface RunFilter {
  project: ProjectModel;
  branch: string | undefined;
  workflowName?: string;
  from: number;
  to: number;
  t: number;
}

/** One finished workflow run. */
export interface FinishedRun {
  pipeline: PipelineModel;
  workflow: WorkflowModel;
  status: SpecWorkflowStatus;
  createdAt: number;
  stoppedAt: number;
  durationSec: number;
  credits: number;
}

/** Credits of a job: whole minutes rounded up, times {@link CREDITS_PER_MINUTE}. */
export function jobCredits(job: JobModel): number {
  return job.type === 'approval' ? 0 : Math.ceil(job.durationMs / 60_000) * CREDITS_PER_MINUTE;
}

/** The finished runs matching `f`, oldest first. */
export function finishedRuns(f: RunFilter): FinishedRun[] {
  const out: FinishedRun[] = [];
  for (const pipeline of f.project.pipelines) {
    if (f.branch !== undefined && pipeline.vcs?.branch !== f.branch) continue;
    for (const workflow of pipeline.workflows) {
      if (f.workflowName !== undefined && workflow.name !== f.workflowName) continue;
      if (workflow.createdAt < f.from || workflow.createdAt >= f.to) continue;
      const times = workflowTimes(workflow);
      const status = workflowStatusAt({ workflow, times, t: f.t });
      const stopped = workflowStoppedAt({ workflow, times, status });
      // Runs that never ran (`not_run`) are not insights runs.
      if (stopped === null || stopped > f.t || status === 'not_run') continue;
      out.push({
        pipeline,
        workflow,
        status,
        createdAt: workflow.createdAt,
        stoppedAt: stopped,
        durationSec: Math.round((stopped - workflow.createdAt) / 1000),
        credits: workflow.jobs.reduce((sum, job) => sum + jobCredits(job), 0),
      });
    }
  }
  return out.sort((a, b) => a.createdAt - b.createdAt);
}

/** The `p`-th percentile (nearest rank) of `values`, or `null` for none. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Duration figures (seconds) of the spec's `duration_metrics`. */
export function durationMetrics(values: number[]): SpecDurationMetrics {
  if (values.length === 0) {
    return { min: null, mean: null, median: null, p95: null, max: null, standard_deviation: null };
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return {
    min: Math.min(...values),
    mean: Math.round(mean),
    median: percentile(values, 50),
    p95: percentile(values, 95),
    max: Math.max(...values),
    standard_deviation: Math.round(Math.sqrt(variance) * 10) / 10,
  };
}

/** Counts, rate, throughput, recovery and credits of runs over `days`. */
export function runMetrics(
  runs: FinishedRun[],
  days: number,
): SpecRunMetrics & { mttr: number; total_credits_used: number; total_recoveries: number } {
  const successful = runs.filter(r => r.status === 'success').length;
  const failed = runs.filter(r => r.status !== 'success').length;
  let recoveries = 0;
  let recoveryMs = 0;
  let failedAt: number | undefined;
  for (const run of runs) {
    if (run.status !== 'success' && failedAt === undefined) failedAt = run.stoppedAt;
    if (run.status === 'success' && failedAt !== undefined) {
      recoveries++;
      recoveryMs += run.stoppedAt - failedAt;
      failedAt = undefined;
    }
  }
  return {
    total_runs: runs.length,
    successful_runs: successful,
    failed_runs: failed,
    success_rate: runs.length ? successful / runs.length : 0,
    throughput: runs.length / days,
    mttr: recoveries ? Math.round(recoveryMs / recoveries / 1000) : 0,
    total_recoveries: recoveries,
    total_credits_used: runs.reduce((sum, r) => sum + r.credits, 0),
    duration_metrics: durationMetrics(runs.filter(r => r.status === 'success').map(r => r.durationSec)),
  };
}

/** A test's results across runs, keyed by job, class and name. */
export interface TestTally {
  name: string;
  classname: string;
  file: string | null;
  job: string;
  runs: number;
  failed: number;
  durations: number[];
}

/** Tallies the test results of the runs' finished jobs. */
export function tallyTests(runs: FinishedRun[]): TestTally[] {
  const byKey = new Map<string, TestTally>();
  for (const run of runs) {
    for (const job of run.workflow.jobs) {
      for (const test of job.tests as SpecTestResult[]) {
        const key = `${job.name}\u0000${test.classname}\u0000${test.name}`;
        const tally = byKey.get(key) ?? {
          name: test.name,
          classname: test.classname,
          file: test.file ?? null,
          job: job.name,
          runs: 0,
          failed: 0,
          durations: [],
        };
        tally.runs++;
        if (test.result === 'failure' || test.result === 'error') tally.failed++;
        tally.durations.push(test.run_time);
        byKey.set(key, tally);
      }
    }
  }
  return [...byKey.values()];
}

/** A flake: a failed test of a workflow that a later run of the same name in the same pipeline fixed. */
export interface Flake {
  run: FinishedRun;
  job: JobModel;
}

/** The flakes among `runs` (all finished runs of a project). */
export function flakes(runs: FinishedRun[]): Flake[] {
  const out: Flake[] = [];
  for (const run of runs) {
    if (run.status === 'success') continue;
    const fixed = runs.some(
      r =>
        r.pipeline === run.pipeline &&
        r.workflow.name === run.workflow.name &&
        r.createdAt > run.createdAt &&
        r.status === 'success',
    );
    if (!fixed) continue;
    for (const job of run.workflow.jobs) if (job.failure) out.push({ run, job });
  }
  return out;
}

/** Days in a window name, or `undefined` for an unknown one. */
export function windowDays(name: string | null): number | undefined {
  return WINDOW_DAYS[name ?? 'last-90-days'];
}

/** Milliseconds per day. */
export const DAY_MS = DAY;
