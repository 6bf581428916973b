/*
 * The steps of a job on its containers: which failed, which is opened
 * first, how long each ran.
 */
import type { JobStep, StepAction } from '@circleci-backstage/plugin-circleci-common';
import { type DurationTextOptions, durationText } from './durations';
import { isActiveStatus, normalizeStatus } from './status';
import type { CircleCIText } from './messages';
import { formatDuration } from './time';

/**
 * True for a step action that failed (exit code, timeout, infrastructure).
 */
export function actionFailed(action: Pick<StepAction, 'failed' | 'status'>): boolean {
  return action.failed === true || normalizeStatus(action.status) === 'failed';
}

/** True while a step action runs: its log is still growing. */
export function actionRunning(action: Pick<StepAction, 'status'>): boolean {
  return normalizeStatus(action.status) === 'running';
}

/** A step as it ran on one container, if it ran there. */
export function actionOf(step: JobStep, container: number): StepAction | undefined {
  return step.actions.find(a => a.index === container);
}

/** The step number of the first failed step on a container, if any. */
export function firstFailedStep(steps: readonly JobStep[], container: number): number | undefined {
  for (const step of steps) {
    const action = actionOf(step, container);
    if (action && actionFailed(action)) return action.step;
  }
  return undefined;
}

/** The name of the file a step's log is downloaded as. */
export function stepLogFilename(options: {
  jobNumber: number;
  stepNumber: number;
  containerIndex: number;
}): string {
  const { jobNumber, stepNumber, containerIndex } = options;
  return `job-${jobNumber}-step-${stepNumber}-container-${containerIndex}.log`;
}

/**
 * How long a step ran on one container: CircleCI's `run_time_millis` when
 * given, otherwise from its times (`… so far` while it runs); empty when
 * it cannot be told.
 */
export function stepDuration(
  action: Pick<StepAction, 'status' | 'run_time_millis' | 'start_time' | 'end_time'>,
  options: DurationTextOptions = {},
): CircleCIText {
  if (typeof action.run_time_millis === 'number' && action.run_time_millis >= 0) {
    return formatDuration(action.run_time_millis);
  }
  const active = isActiveStatus(normalizeStatus(action.status));
  return durationText({ start: action.start_time, end: action.end_time, active, ...options }) ?? '';
}
