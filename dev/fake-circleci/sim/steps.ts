/*
 * The steps of a job as they ran (or are running) on each container:
 * timing, status and exit code at time `t`. Shared by the v1.1 build
 * details and the log endpoint.
 */

import type { JobModel, StepModel } from './model';
import type { JobTimes } from './timeline';

/** One step on one container, at time `t`. */
export interface StepRun {
  step: StepModel;
  container: number;
  startAt: number;
  /** `null` while the step is running. */
  endAt: number | null;
  status: 'success' | 'failed' | 'running' | 'canceled' | 'timedout';
  exitCode: number | null;
  failed: boolean;
  infrastructureFail: boolean;
  timedout: boolean;
  canceled: boolean;
  /** Share of the step's output printed so far (1 when finished). */
  progress: number;
}

type Planned = { step: StepModel; startAt: number; endAt: number };

function plan(options: { job: JobModel; times: JobTimes }): Planned[] {
  const { job, times } = options;
  const duration = job.durationMs;
  let cursor = times.startAt;
  return job.steps.map(step => {
    const length = Math.max(1, Math.round(duration * step.weight));
    const planned = { step, startAt: cursor, endAt: cursor + length };
    cursor += length;
    return planned;
  });
}

/** The steps that started on `container` by time `t`, in order. */
export function stepRuns(options: {
  job: JobModel;
  times: JobTimes;
  t: number;
  container: number;
}): StepRun[] {
  const { job, times, t, container } = options;
  if (job.type !== 'build' || !Number.isFinite(times.startAt) || t < times.startAt) return [];
  const failingHere =
    (job.outcome === 'failed' && job.failingContainers.includes(container)) ||
    job.outcome === 'timedout' ||
    job.outcome === 'infrastructure_fail';
  const cancelAt = times.final === 'canceled' ? times.doneAt : Infinity;
  const out: StepRun[] = [];
  let stopped = false;
  for (const planned of plan({ job, times })) {
    const { step } = planned;
    if (planned.startAt > t || planned.startAt >= cancelAt) break;
    if (stopped && !step.always) continue;
    const isRun = step.type === 'run';
    const base: StepRun = {
      step,
      container,
      startAt: planned.startAt,
      endAt: planned.endAt,
      status: 'success',
      exitCode: isRun ? 0 : null,
      failed: false,
      infrastructureFail: false,
      timedout: false,
      canceled: false,
      progress: 1,
    };
    const endAt = Math.min(planned.endAt, cancelAt);
    if (t < endAt) {
      const progress = (t - planned.startAt) / (planned.endAt - planned.startAt);
      out.push({ ...base, endAt: null, status: 'running', exitCode: null, progress });
      break;
    }
    if (cancelAt < planned.endAt) {
      const progress = (cancelAt - planned.startAt) / (planned.endAt - planned.startAt);
      out.push({
        ...base,
        endAt: cancelAt,
        status: 'canceled',
        exitCode: null,
        canceled: true,
        progress,
      });
      break;
    }
    if (step.main && failingHere) {
      stopped = true;
      if (job.outcome === 'timedout') {
        out.push({ ...base, status: 'timedout', exitCode: null, timedout: true });
      } else if (job.outcome === 'infrastructure_fail') {
        out.push({
          ...base,
          status: 'failed',
          exitCode: null,
          failed: true,
          infrastructureFail: true,
        });
        break;
      } else {
        out.push({ ...base, status: 'failed', exitCode: 1, failed: true });
      }
      continue;
    }
    out.push(base);
  }
  return out;
}

/** The step number of the main step of a job (the one that fails). */
export function mainStepNumber(job: JobModel): number | undefined {
  return job.steps.find(step => step.main)?.number;
}
