/*
 * The steps of a job, from the v1.1 build details (`GET v1.1/project/…/{n}`):
 * API v2 has no endpoint for them.
 */
import { z } from 'zod';
import { optDate, optNum, optStr, str } from './fields';

/**
 * One action of a step: the step as it ran on one parallel container.
 * @public
 */
export const stepActionSchema = z.object({
  /** The container (parallel run) index. */
  index: z.number(),
  /** The step number used by the log endpoint. */
  step: z.number(),
  /** The step's name. */
  name: str,
  /** The v1.1 status: `success`, `failed`, `running`, `canceled`, `timedout`, … */
  status: str,
  /** When it started on this container. */
  start_time: optDate,
  /** When it ended on this container; absent while it runs. */
  end_time: optDate,
  /** How long it ran, in milliseconds. */
  run_time_millis: optNum,
  /** Whether it wrote output, i.e. whether there is a log to read. */
  has_output: z.boolean().nullish(),
  /** The exit code of its command. */
  exit_code: optNum,
  /** Whether it failed. */
  failed: z.boolean().nullish(),
  /** Whether it ran in the background. */
  background: z.boolean().nullish(),
  /** The v1.1 action type, e.g. `test` or `infrastructure`. */
  type: optStr,
  /** The command it ran. */
  bash_command: optStr,
  /** Whether CircleCI truncated its output. */
  truncated: z.boolean().nullish(),
});

/**
 * One step of a job, with one action per container.
 * @public
 */
export const jobStepSchema = z.object({
  /** The step's name. */
  name: str,
  /** The step on each container. */
  actions: z.array(stepActionSchema),
});

/**
 * v1.1 build details, reduced to what `getJobSteps` returns: the steps of a
 * job with the build's number, parallelism and status.
 * @public
 */
export const jobStepsSchema = z
  .object({
    build_num: z.number(),
    parallel: z.number().nullish(),
    status: z.string().nullish(),
    steps: z.array(jobStepSchema).nullish(),
  })
  .transform(build => ({
    /** The v1.1 build number (the same number as the v2 job number). */
    buildNumber: build.build_num,
    /** The number of parallel containers. */
    parallel: build.parallel ?? 1,
    /** The v1.1 lifecycle/status of the build; `unknown` when absent. */
    status: build.status ?? 'unknown',
    /** The steps, in order. */
    steps: build.steps ?? [],
  }));
