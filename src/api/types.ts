/*
 * Response types for the CircleCI API, following CircleCI's OpenAPI
 * description of API v2 (and the v1.1 build-details payload for steps).
 *
 * Real responses contain nulls and missing fields that the spec marks as
 * required (an approval job has no `job_number` and `started_at: null`;
 * `vcs`, `stopped_at` and the commit subject can be missing). Those fields
 * are typed as optional here, so callers must handle their absence.
 */

/**
 * A paged list, as returned by every list method of the client.
 * @public
 */
export interface Page<T> {
  /** The items of this page. */
  items: T[];
  /** The token for the next page, absent on the last page. */
  nextPageToken?: string;
}

/**
 * Who or what triggered a pipeline.
 * @public
 */
export interface PipelineTrigger {
  /** `webhook`, `explicit`, `api`, `schedule`, or a value CircleCI adds later. */
  type: string;
  /** When CircleCI received the trigger. */
  received_at: string;
  /** The user (or bot) behind the trigger. */
  actor: {
    login: string;
    avatar_url?: string | null;
  };
}

/**
 * Version-control information for a pipeline. Missing for some trigger types.
 * @public
 */
export interface PipelineVcs {
  provider_name: string;
  target_repository_url: string;
  origin_repository_url: string;
  revision: string;
  branch?: string | null;
  tag?: string | null;
  review_id?: string | null;
  review_url?: string | null;
  commit?: {
    subject?: string | null;
    body?: string | null;
  } | null;
}

/**
 * A CircleCI pipeline (`GET /v2/pipeline/{id}`).
 *
 * `state` describes setup only (`created`, `errored`, `setup-pending`,
 * `setup`, `pending`); it is not a result. The result of a pipeline is
 * derived from its workflows.
 * @public
 */
export interface Pipeline {
  id: string;
  errors: Array<{ type: string; message: string }>;
  project_slug: string;
  updated_at?: string | null;
  number: number;
  state: string;
  created_at: string;
  trigger: PipelineTrigger;
  trigger_parameters?: Record<string, unknown> | null;
  vcs?: PipelineVcs | null;
}

/**
 * The statuses CircleCI documents for a workflow. Other strings may appear
 * and are treated as an unknown (neutral) status.
 * @public
 */
export type KnownWorkflowStatus =
  | 'success'
  | 'running'
  | 'not_run'
  | 'failed'
  | 'error'
  | 'failing'
  | 'on_hold'
  | 'canceled'
  | 'unauthorized';

/**
 * A CircleCI workflow (`GET /v2/workflow/{id}`).
 * @public
 */
export interface Workflow {
  id: string;
  pipeline_id: string;
  pipeline_number: number;
  name: string;
  project_slug: string;
  /** A {@link KnownWorkflowStatus}, or a string CircleCI adds later. */
  status: string;
  started_by: string;
  created_at: string;
  stopped_at?: string | null;
  canceled_by?: string | null;
  errored_by?: string | null;
  tag?: string | null;
  auto_rerun_number?: number | null;
  max_auto_reruns?: number | null;
}

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
 * A job as listed in a workflow (`GET /v2/workflow/{id}/job`).
 * Approval jobs have no `job_number` and `started_at: null`.
 * @public
 */
export interface WorkflowJob {
  id: string;
  name: string;
  /** `build` or `approval` (or a later addition). */
  type: string;
  /** A {@link KnownJobStatus}, or a string CircleCI adds later. */
  status: string;
  dependencies: string[];
  project_slug: string;
  job_number?: number | null;
  started_at?: string | null;
  stopped_at?: string | null;
  approval_request_id?: string | null;
  approved_by?: string | null;
  canceled_by?: string | null;
}

/**
 * Details of one job (`GET /v2/project/{slug}/job/{n}`).
 * @public
 */
export interface JobDetails {
  web_url: string;
  project: { id?: string; slug: string; name: string; external_url: string };
  parallel_runs: Array<{ index: number; status: string }>;
  started_at?: string | null;
  latest_workflow: { id: string; name: string };
  name: string;
  executor: { resource_class: string; type?: string | null };
  parallelism: number;
  status: string;
  number: number;
  pipeline: { id: string };
  duration?: number | null;
  created_at: string;
  messages: Array<{ type: string; message: string; reason?: string | null }>;
  contexts: Array<{ name: string }>;
  organization: { name: string };
  queued_at: string;
  stopped_at?: string | null;
}

/**
 * One test result of a job (`GET /v2/project/{slug}/{n}/tests`).
 * @public
 */
export interface TestResult {
  message: string;
  source: string;
  run_time: number;
  file?: string | null;
  /** `success`, `failure`, `skipped`, or another string from the reporter. */
  result: string;
  name: string;
  classname: string;
}

/**
 * One artifact of a job (`GET /v2/project/{slug}/{n}/artifacts`).
 * @public
 */
export interface Artifact {
  path: string;
  node_index: number;
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
  name: string;
  status: string;
  start_time?: string | null;
  end_time?: string | null;
  run_time_millis?: number | null;
  has_output?: boolean | null;
  exit_code?: number | null;
  failed?: boolean | null;
  background?: boolean | null;
  type?: string | null;
  bash_command?: string | null;
  truncated?: boolean | null;
}

/**
 * One step of a job, with one action per container.
 * @public
 */
export interface JobStep {
  name: string;
  actions: StepAction[];
}

/**
 * The steps of a job, as returned by `getJobSteps`.
 * @public
 */
export interface JobSteps {
  /** The v1.1 build number (the same number as the v2 job number). */
  buildNumber: number;
  /** The number of parallel containers. */
  parallel: number;
  /** The v1.1 lifecycle/status of the build. */
  status: string;
  steps: JobStep[];
}

/**
 * The user that owns the token (`GET /v2/me`).
 * @public
 */
export interface CurrentUser {
  id: string;
  login: string;
  name: string;
}

/**
 * The answer to a pipeline trigger (`POST /v2/project/{slug}/pipeline`).
 * @public
 */
export interface TriggeredPipeline {
  id: string;
  state: string;
  number: number;
  created_at: string;
}
