/*
 * The types of CircleCI's responses, as the client returns them: plain
 * interfaces, so a reader of the API report sees the fields. Each one is
 * the output of its schema in ./schemas, and ./types.check.ts makes the
 * compiler prove that they stay equal. Fields that real responses leave out
 * or null are optional, so callers must handle their absence.
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
 * One error of a pipeline's setup, e.g. a config that could not be fetched.
 * @public
 */
export interface PipelineError {
  /**
   * `config`, `config-fetch`, `invalid-trigger-setup`, `timeout`,
   * `permission`, `other`, `trigger-rule`, `plan`, or a later addition.
   */
  type: string;
  /** What went wrong, for a person, e.g. "Failed to fetch config.yml file.". */
  message: string;
}

/**
 * Who or what triggered a pipeline.
 * @public
 */
export interface PipelineTrigger {
  /** `webhook`, `explicit`, `api`, `scheduled_pipeline`, or a later addition. */
  type: string;
  /** When CircleCI received the trigger. */
  received_at: string;
  /** The user (or bot) behind the trigger. */
  actor: {
    /** The login on the VCS. */
    login: string;
    /** The avatar on the VCS, when there is one. */
    avatar_url?: string | null;
  };
}

/**
 * Version-control information for a pipeline. Missing for some trigger types.
 * @public
 */
export interface PipelineVcs {
  /** `GitHub`, `Bitbucket`, `GitLab`, … */
  provider_name: string;
  /** The repository the pipeline ran for. */
  target_repository_url: string;
  /** The repository the change came from (a fork's URL for a fork's PR). */
  origin_repository_url: string;
  /** The commit SHA. */
  revision: string;
  /** The branch; absent for a tag. */
  branch?: string | null;
  /** The tag; absent for a branch. */
  tag?: string | null;
  /** The pull/merge request id, when there is one. */
  review_id?: string | null;
  /** The pull/merge request's URL, when there is one. */
  review_url?: string | null;
  /** The commit message, when CircleCI knows it. */
  commit?: {
    /** The commit message's first line. */
    subject?: string | null;
    /** The rest of the commit message. */
    body?: string | null;
  } | null;
}

/**
 * A CircleCI pipeline (`GET /v2/pipeline/{id}` and the items of a project's
 * list).
 *
 * `state` describes setup only (`created`, `errored`, `setup-pending`,
 * `setup`, `pending`); it is not a result. The result of a pipeline is
 * derived from its workflows; an `errored` one carries its `errors`.
 * @public
 */
export interface Pipeline {
  /** The pipeline's UUID. */
  id: string;
  /**
   * Why setup failed, for a pipeline whose `state` is `errored` (and then
   * usually without workflows). Empty otherwise; a missing list reads as empty.
   */
  errors: PipelineError[];
  /** The project's slug, e.g. `gh/acme/rocket`. */
  project_slug: string;
  /** When the pipeline last changed. */
  updated_at?: string | null;
  /** The pipeline's number within the project. */
  number: number;
  /** `created`, `errored`, `setup-pending`, `setup`, `pending`, or a later addition. */
  state: string;
  /** When the pipeline was created. */
  created_at: string;
  /** Who or what triggered it. */
  trigger: PipelineTrigger;
  /** The pipeline parameters it was triggered with. */
  trigger_parameters?: Record<string, unknown> | null;
  /** Version-control information; missing for some trigger types. */
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
 * A CircleCI workflow (`GET /v2/workflow/{id}` and the items of a
 * pipeline's list).
 * @public
 */
export interface Workflow {
  /** The workflow's UUID. */
  id: string;
  /** The pipeline it belongs to. */
  pipeline_id: string;
  /** That pipeline's number. */
  pipeline_number: number;
  /** The workflow's name in the config. */
  name: string;
  /** The project's slug. */
  project_slug: string;
  /** A {@link KnownWorkflowStatus}, or a string CircleCI adds later. */
  status: string;
  /** The id of the user who started it. */
  started_by: string;
  /** When it was created. */
  created_at: string;
  /** When it ended; absent while it runs. */
  stopped_at?: string | null;
  /** The id of the user who cancelled it. */
  canceled_by?: string | null;
  /** The id of the user (or system) it errored for. */
  errored_by?: string | null;
  /** `setup` for a setup workflow. */
  tag?: string | null;
  /** Which automatic rerun this is. */
  auto_rerun_number?: number | null;
  /** How many automatic reruns are allowed. */
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

/**
 * The user that owns the token (`GET /v2/me`).
 * @public
 */
export interface CurrentUser {
  /** The user's UUID. */
  id: string;
  /** The login on the VCS. */
  login: string;
  /** The display name; null for a user who has none (show `login` then). */
  name: string | null;
}

/**
 * A project (`GET /v2/project/{slug}`): the fields the plugin reads.
 * @public
 */
export interface Project {
  /** The project's slug, e.g. `gh/acme/rocket`. */
  slug: string;
  /** The project's name. */
  name: string;
  /** The project's UUID. */
  id: string;
  /** The repository behind the project. */
  vcs_info: {
    /** The repository's URL. */
    vcs_url: string;
    /** `GitHub`, `Bitbucket`, `CircleCI`, or a later addition. */
    provider: string;
    /** The repository's default branch, e.g. `main`; the cards show it by default. */
    default_branch: string;
  };
}

/**
 * The answer to a pipeline trigger (`POST /v2/project/{slug}/pipeline`):
 * what could be read of it. Every field is optional, as any 2xx answer is a
 * success; one that is missing or of another type is left out.
 * @public
 */
export interface TriggeredPipeline {
  /** The new pipeline's UUID. When absent, refresh the list instead of opening it. */
  id?: string;
  /** Its state, usually `created` or `pending`. */
  state?: string;
  /** Its number. */
  number?: number;
  /** When it was created. */
  created_at?: string;
}

/**
 * One pipeline definition of a project
 * (`GET /v2/projects/{project_id}/pipeline-definitions`): which config file
 * a pipeline of a GitHub App, GitLab or standalone project runs.
 * @public
 */
export interface PipelineDefinition {
  /** The definition's UUID, the `definition_id` of a pipeline run. */
  id: string;
  /** Its name, as shown in Project Settings › Pipelines. */
  name: string;
  /** Its description. */
  description?: string | null;
  /** Where its config file lives. */
  config_source?: {
    /** The integration that stores the config, e.g. `github_app`. */
    provider?: string | null;
    /** The config file's path, e.g. `.circleci/config.yml`. */
    file_path?: string | null;
  };
}
