/*
 * Jobs: as listed in a workflow, their details, tests and artifacts.
 */
import { z } from 'zod';
import { optDate, optNum, optStr, str } from './fields';

/**
 * A job as listed in a workflow (`GET v2/workflow/{id}/job`). Approval jobs
 * have no `job_number` and `started_at: null`.
 * @public
 */
export const workflowJobSchema = z.object({
  /** The job's UUID. */
  id: str,
  /** The job's name in the workflow. */
  name: str,
  /** `build` or `approval` (or a later addition). */
  type: str,
  /**
   * A `KnownJobStatus`, a string CircleCI adds later, or null (the spec
   * allows it), which reads as a neutral "unknown".
   */
  status: str.nullable(),
  /** The ids of the jobs it waits for. A missing list reads as empty. */
  dependencies: z
    .array(str)
    .nullish()
    .transform(dependencies => dependencies ?? []),
  /** The project's slug. */
  project_slug: str,
  /** The job's number in the project; absent for approval jobs. */
  job_number: optNum,
  /** When it started; absent before it starts and for approval jobs. */
  started_at: optDate,
  /** When it ended; absent while it runs. */
  stopped_at: optDate,
  /** For an approval job: the id to approve it with. */
  approval_request_id: optStr,
  /** For an approved job: who approved it. */
  approved_by: optStr,
  /** Who cancelled it. */
  canceled_by: optStr,
});

/**
 * Details of one job (`GET v2/project/{slug}/job/{n}`).
 * @public
 */
export const jobDetailsSchema = z.object({
  /** The job's page on CircleCI. */
  web_url: str,
  /** The job's project. */
  project: z.object({ id: str.optional(), slug: str, name: str, external_url: str }),
  /** The status of each parallel container. */
  parallel_runs: z.array(z.object({ index: z.number(), status: str })),
  /** When it started; absent while queued. */
  started_at: optDate,
  /** The workflow it ran in last. */
  latest_workflow: z.object({ id: str, name: str }),
  /** The job's name. */
  name: str,
  /** Where it ran: resource class and executor type (`docker`, `machine`, …). */
  executor: z.object({ resource_class: str, type: optStr }),
  /** How many parallel containers it ran on. */
  parallelism: z.number(),
  /** A `KnownJobStatus`, a later string, or null (reads as "unknown"). */
  status: str.nullable(),
  /** The job's number in the project. */
  number: z.number(),
  /** The pipeline it belongs to. */
  pipeline: z.object({ id: str }),
  /** How long it ran, in milliseconds. */
  duration: optNum,
  /** When it was created. */
  created_at: str,
  /** Messages CircleCI attached to the job (e.g. why it was not run). */
  messages: z.array(z.object({ type: str, message: str, reason: optStr })),
  /** The contexts it used. */
  contexts: z.array(z.object({ name: str })),
  /** The organisation it belongs to. */
  organization: z.object({ name: str }),
  /** When it was queued. */
  queued_at: str,
  /** When it ended; absent while it runs. */
  stopped_at: optDate,
});

/**
 * One test result of a job (`GET v2/project/{slug}/{n}/tests`).
 * @public
 */
export const testResultSchema = z.object({
  /** The failure message; a null message reads as an empty string. */
  message: z
    .string()
    .nullish()
    .transform(message => message ?? ''),
  /** The reporter that produced it. */
  source: str,
  /** How long it ran, in seconds. */
  run_time: z.number(),
  /** The test's file, when the reporter says. */
  file: optStr,
  /** `success`, `failure`, `skipped`, or another string from the reporter. */
  result: str,
  /** The test's name. */
  name: str,
  /** The test's class or suite. */
  classname: str,
});

/**
 * One artifact of a job (`GET v2/project/{slug}/{n}/artifacts`).
 * @public
 */
export const artifactSchema = z.object({
  /** The artifact's path, e.g. `coverage/index.html`. */
  path: str,
  /** The container that stored it. */
  node_index: z.number(),
  /** Where to download it. */
  url: str,
});
