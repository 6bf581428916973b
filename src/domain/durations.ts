/*
 * How long work took, or has been running, as text. A finished piece of
 * work whose end CircleCI did not say (or sent as "") has no duration: it
 * shows `—` rather than a time that keeps growing.
 */
import type { JobDetails, Pipeline, Workflow, WorkflowJob } from '@circleci-backstage/plugin-circleci-common';
import { isActiveStatus, latestWorkflowRuns, normalizeStatus } from './status';
import { type CircleCIText, msg } from './messages';
import { NO_VALUE } from './text';
import { formatDuration, parseTime } from './time';

/** When "now" is. */
export interface DurationTextOptions {
  /** Milliseconds since the epoch; `Date.now()` by default. */
  now?: number;
}

/** A span of work: its length, and whether it has ended. */
interface Span {
  ms: number;
  final: boolean;
}

/**
 * The span from `start` to `end`; to now while the work is active and has
 * no end. Undefined when the start cannot be read, or the work has
 * finished but its end cannot be read.
 */
function spanOf(options: {
  start: string | null | undefined;
  end: string | null | undefined;
  active: boolean;
  now: number;
}): Span | undefined {
  const start = parseTime(options.start);
  if (!start) return undefined;
  const end = parseTime(options.end);
  if (end) return { ms: Math.max(0, end.toMillis() - start.toMillis()), final: true };
  if (!options.active) return undefined;
  return { ms: Math.max(0, options.now - start.toMillis()), final: false };
}

function spanText(span: Span | undefined): CircleCIText {
  if (!span) return NO_VALUE;
  const duration = formatDuration(span.ms);
  return span.final ? duration : msg('domain.durationSoFar', { duration });
}

/**
 * The time from `start` to `end` as text, `… so far` while the work is
 * active and has no end; undefined when the start cannot be read, or the
 * work has finished and its end cannot be read.
 */
export function durationText(options: {
  start: string | null | undefined;
  end: string | null | undefined;
  /** The work may still change: a missing end means "until now". */
  active: boolean;
  now?: number;
}): CircleCIText | undefined {
  const span = spanOf({ ...options, now: options.now ?? Date.now() });
  return span ? spanText(span) : undefined;
}

function isActive(status: string | null | undefined): boolean {
  return isActiveStatus(normalizeStatus(status));
}

/**
 * The duration of a job as text: final (CircleCI's own `duration` when it
 * gives one), `… so far` while it runs, `not started yet` while it waits,
 * or `—` when it cannot be told.
 */
export function jobDurationText(
  job: Pick<JobDetails, 'status' | 'started_at' | 'stopped_at' | 'duration'>,
  options: DurationTextOptions = {},
): CircleCIText {
  const { now = Date.now() } = options;
  const active = isActive(job.status);
  if (!active && typeof job.duration === 'number' && job.duration >= 0) {
    return formatDuration(job.duration);
  }
  const span = spanOf({ start: job.started_at, end: job.stopped_at, active, now });
  if (!span && active) return msg('domain.notStartedYet');
  return spanText(span);
}

/**
 * How long a job of a workflow ran, or has run so far; undefined when it
 * has not started or its times cannot be read.
 */
export function workflowJobDurationText(
  job: Pick<WorkflowJob, 'status' | 'started_at' | 'stopped_at'>,
  now: number = Date.now(),
): string | undefined {
  const span = spanOf({
    start: job.started_at,
    end: job.stopped_at,
    active: isActive(job.status),
    now,
  });
  return span ? formatDuration(span.ms) : undefined;
}

/** How long a workflow took, from its creation: final, `… so far`, or `—`. */
export function workflowDurationText(
  workflow: Pick<Workflow, 'status' | 'created_at' | 'stopped_at'>,
  options: DurationTextOptions = {},
): CircleCIText {
  const { now = Date.now() } = options;
  return spanText(
    spanOf({
      start: workflow.created_at,
      end: workflow.stopped_at,
      active: isActive(workflow.status),
      now,
    }),
  );
}

/**
 * How long a pipeline's current workflows took, from the pipeline's
 * creation to the last one's end; `… so far` while one is unfinished; `—`
 * without workflows or readable times.
 */
export function pipelineDurationText(options: {
  pipeline: Pick<Pipeline, 'created_at'>;
  workflows: readonly Workflow[] | undefined;
  now?: number;
}): CircleCIText {
  const { pipeline, workflows } = options;
  const now = options.now ?? Date.now();
  if (!workflows?.length) return NO_VALUE;
  const { current } = latestWorkflowRuns(workflows);
  const running = current.some(w => isActive(w.status));
  const ends = current
    .map(w => parseTime(w.stopped_at)?.toMillis())
    .filter((ms): ms is number => typeof ms === 'number');
  const end = running || ends.length === 0 ? undefined : new Date(Math.max(...ends)).toISOString();
  return spanText(spanOf({ start: pipeline.created_at, end, active: running, now }));
}
