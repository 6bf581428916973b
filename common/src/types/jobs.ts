/*
 * The types of a workflow's jobs as the client returns them: jobs, their
 * details, tests, artifacts and steps. Plain interfaces, each the output
 * of its schema in ../schemas (../types.check.ts proves it).
 */

/**
 * The statuses CircleCI documents for a job. Other strings may appear and
 * are treated as an unknown (neutral) status.
 * @public
 */
export type KnownJobStatus =
  | 'success'
  | 'running'
  | 'not_run'
  | 'failed'
  | 'retried'
  | 'queued'
  | 'not_running'
  | 'infrastructure_fail'
  | 'timedout'
  | 'on_hold'
  | 'terminated-unknown'
  | 'blocked'
  | 'canceled'
  | 'unauthorized';

/**
 * A job as listed in a workflow (`GET /v2/workflow/{id}/job`). Approval jobs
 * have no `job_number` and `started_at: null`.
 * @public
 */
export interface WorkflowJob {
  /** The job's UUID. */
  id: string;
  /** The job's name in the workflow. */
  name: string;
  /** `build` or `approval` (or a later addition). */
  type: string;
  /**
   * A {@link KnownJobStatus}, a string CircleCI adds later, or null (the
   * spec allows it), which reads as a neutral "unknown".
   */
  status: string | null;
  /** The ids of the jobs it waits for. A missing list reads as empty. */
  dependencies: string[];
  /** The project's slug. */
  project_slug: string;
  /** The job's number in the project; absent for approval jobs. */
  job_number?: number | null;
  /** When it started; absent before it starts and for approval jobs. */
  started_at?: string | null;
  /** When it ended; absent while it runs. */
  stopped_at?: string | null;
  /** For an approval job: the id to approve it with. */
  approval_request_id?: string | null;
  /** For an approved job: who approved it. */
  approved_by?: string | null;
  /** Who cancelled it. */
  canceled_by?: string | null;
}

/**
 * The project of a job, as {@link JobDetails} names it.
 * @public
 */
export interface JobProject {
  /** The project's UUID. */
  id?: string;
  /** The project's slug, e.g. `gh/acme/rocket`. */
  slug: string;
  /** The project's name. */
  name: string;
  /** The repository's URL. */
  external_url: string;
}

/**
 * Details of one job (`GET /v2/project/{slug}/job/{n}`).
 * @public
 */
export interface JobDetails {
  /** The job's page on CircleCI. */
  web_url: string;
  /** The job's project. */
  project: JobProject;
  /** The status of each parallel container. */
  parallel_runs: {
    /** The container's index. */
    index: number;
    /** Its status. */
    status: string;
  }[];
  /** When it started; absent while queued. */
  started_at?: string | null;
  /** The workflow it ran in last. */
  latest_workflow: {
    /** The workflow's UUID. */
    id: string;
    /** The workflow's name. */
    name: string;
  };
  /** The job's name. */
  name: string;
  /** Where it ran. */
  executor: {
    /** The resource class, e.g. `medium`. */
    resource_class: string;
    /** The executor type: `docker`, `machine`, … */
    type?: string | null;
  };
  /** How many parallel containers it ran on. */
  parallelism: number;
  /** A {@link KnownJobStatus}, a later string, or null (reads as "unknown"). */
  status: string | null;
  /** The job's number in the project. */
  number: number;
  /** The pipeline it belongs to. */
  pipeline: {
    /** The pipeline's UUID. */
    id: string;
  };
  /** How long it ran, in milliseconds. */
  duration?: number | null;
  /** When it was created. */
  created_at: string;
  /** Messages CircleCI attached to the job (e.g. why it was not run). */
  messages: {
    /** The message's type. */
    type: string;
    /** The message. */
    message: string;
    /** Why, when CircleCI says. */
    reason?: string | null;
  }[];
  /** The contexts it used. */
  contexts: {
    /** The context's name. */
    name: string;
  }[];
  /** The organisation it belongs to. */
  organization: {
    /** The organisation's name. */
    name: string;
  };
  /** When it was queued. */
  queued_at: string;
  /** When it ended; absent while it runs. */
  stopped_at?: string | null;
}

/**
 * One test result of a job (`GET /v2/project/{slug}/{n}/tests`).
 * @public
 */
export interface TestResult {
  /** The failure message; a null message reads as an empty string. */
  message: string;
  /** The reporter that produced it. */
  source: string;
  /** How long it ran, in seconds. */
  run_time: number;
  /** The test's file, when the reporter says. */
  file?: string | null;
  /** `success`, `failure`, `skipped`, or another string from the reporter. */
  result: string;
  /** The test's name. */
  name: string;
  /** The test's class or suite. */
  classname: string;
}

/**
 * One artifact of a job (`GET /v2/project/{slug}/{n}/artifacts`).
 * @public
 */
export interface Artifact {
  /** The artifact's path, e.g. `coverage/index.html`. */
  path: string;
  /** The container that stored it. */
  node_index: number;
  /** Where to download it. */
  url: string;
}

/**
 * One action of a step: the step as it ran on one parallel container
 * (from API v1.1 build details).
 * @public
 */
export interface StepAction {
  /** The container (parallel run) index. */
  index: number;
  /** The step number used by the log endpoint. */
  step: number;
  /** The step's name. */
  name: string;
  /** The v1.1 status: `success`, `failed`, `running`, `canceled`, `timedout`, … */
  status: string;
  /** When it started on this container. */
  start_time?: string | null;
  /** When it ended on this container; absent while it runs. */
  end_time?: string | null;
  /** How long it ran, in milliseconds. */
  run_time_millis?: number | null;
  /** Whether it wrote output, i.e. whether there is a log to read. */
  has_output?: boolean | null;
  /** The exit code of its command. */
  exit_code?: number | null;
  /** Whether it failed. */
  failed?: boolean | null;
  /** Whether it ran in the background. */
  background?: boolean | null;
  /** The v1.1 action type, e.g. `test` or `infrastructure`. */
  type?: string | null;
  /** The command it ran. */
  bash_command?: string | null;
  /** Whether CircleCI truncated its output. */
  truncated?: boolean | null;
}

/**
 * One step of a job, with one action per container.
 * @public
 */
export interface JobStep {
  /** The step's name. */
  name: string;
  /** The step on each container. */
  actions: StepAction[];
}

/**
 * The steps of a job, as returned by `getJobSteps` (read from the v1.1
 * build details).
 * @public
 */
export interface JobSteps {
  /** The v1.1 build number (the same number as the v2 job number). */
  buildNumber: number;
  /** The number of parallel containers. */
  parallel: number;
  /** The v1.1 lifecycle/status of the build; `unknown` when absent. */
  status: string;
  /** The steps, in order. */
  steps: JobStep[];
}
