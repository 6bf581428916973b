/*
 * The types of CircleCI's responses, as the client returns them: plain
 * interfaces, so a reader of the API report sees the fields. Each one is
 * the output of its schema in ../schemas, and ../types.check.ts makes the
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
