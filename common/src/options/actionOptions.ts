/*
 * The options and results of the write methods (actions) of `CircleCIApi`.
 */
import type { ProjectSlug } from '../slug';
import type { JobRef, RequestOptions } from './requestOptions';

/**
 * What the options of every action share: the catalog entity the user acts
 * through.
 * @public
 */
export interface ActionEntityOptions {
  /**
   * The catalog entity the user acts through; required by the backend
   * plugin, ignored by the proxy. An entity ref such as
   * `component:default/rocket`. The backend plugin authorizes the action
   * with the permission framework against this entity (whose
   * `circleci.com/project-slug` annotation must name the project) and
   * refuses a POST without it (400 `entity-missing`); in proxy mode the
   * client does not send it.
   */
  entityRef?: string;
}

/**
 * Options of `CircleCIApi.rerunWorkflow`.
 * @public
 */
export interface RerunWorkflowOptions extends RequestOptions, ActionEntityOptions {
  /** The workflow's UUID. */
  workflowId: string;
  /** Reruns only the failed jobs (and what depends on them). */
  fromFailed?: boolean;
  /** Reruns only these jobs (by job UUID). */
  jobIds?: string[];
}

/**
 * The answer to `CircleCIApi.rerunWorkflow`.
 * @public
 */
export interface RerunWorkflowResult {
  /**
   * The new workflow's UUID. Undefined when CircleCI did not say (older
   * CircleCI and CircleCI server answer `202 {"message": "Accepted."}`): the
   * rerun happened, so refresh the pipeline instead of opening the workflow.
   */
  workflowId?: string;
}

/**
 * Options of `CircleCIApi.cancelWorkflow`.
 * @public
 */
export interface CancelWorkflowOptions extends RequestOptions, ActionEntityOptions {
  /** The workflow's UUID. */
  workflowId: string;
}

/**
 * Options of `CircleCIApi.cancelJob`.
 * @public
 */
export interface CancelJobOptions extends JobRef, ActionEntityOptions {}

/**
 * Options of `CircleCIApi.approveJob`.
 * @public
 */
export interface ApproveJobOptions extends RequestOptions, ActionEntityOptions {
  /** The UUID of the workflow the approval job belongs to. */
  workflowId: string;
  /** The job's `approval_request_id`. */
  approvalRequestId: string;
}

/**
 * Options of `CircleCIApi.triggerPipeline`. Give a branch or a tag.
 * @public
 */
export interface TriggerPipelineOptions extends RequestOptions, ActionEntityOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
  /** The branch to build. */
  branch?: string;
  /** The tag to build. */
  tag?: string;
  /** Pipeline parameters declared in the project's config. */
  parameters?: Record<string, string | number | boolean>;
}

/**
 * Options of `CircleCIApi.listPipelineDefinitions`.
 * @public
 */
export interface ListPipelineDefinitionsOptions extends RequestOptions {
  /**
   * The project's id. For a `circleci/<org-id>/<project-id>` slug it is the
   * slug's last segment.
   */
  projectId: string;
}

/**
 * Options of `CircleCIApi.runPipeline`: the way to start a pipeline
 * of a GitHub App, GitLab or standalone project (`circleci/...` slugs). Give
 * a branch or a tag.
 * @public
 */
export interface RunPipelineOptions extends RequestOptions, ActionEntityOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
  /** The pipeline definition to run (see `CircleCIApi.listPipelineDefinitions`). */
  definitionId: string;
  /** The branch whose config is run and checked out. */
  branch?: string;
  /** The tag whose config is run and checked out. */
  tag?: string;
  /** Pipeline parameters declared in the project's config. */
  parameters?: Record<string, string | number | boolean>;
}
