/*
 * Pipelines and workflows, and the answers to triggering and rerunning them.
 */
import { z } from 'zod';
import { optDate, optNum, optStr, str } from './fields';

/**
 * One error of a pipeline's setup (`Pipeline.errors`).
 * @public
 */
export const pipelineErrorSchema = z.object({
  /**
   * `config`, `config-fetch`, `invalid-trigger-setup`, `timeout`,
   * `permission`, `other`, `trigger-rule`, `plan`, or a later addition.
   */
  type: str,
  /** What went wrong, for a person, e.g. "Failed to fetch config.yml file.". */
  message: str,
});

/**
 * Who or what triggered a pipeline (`Pipeline.trigger`).
 * @public
 */
export const pipelineTriggerSchema = z.object({
  /** `webhook`, `explicit`, `api`, `scheduled_pipeline`, or a later addition. */
  type: str,
  /** When CircleCI received the trigger. */
  received_at: str,
  /** The user (or bot) behind the trigger. */
  actor: z.object({
    /** The login on the VCS. */
    login: str,
    /** The avatar on the VCS, when there is one. */
    avatar_url: optStr,
  }),
});

/**
 * Version-control information of a pipeline (`Pipeline.vcs`).
 * @public
 */
export const pipelineVcsSchema = z.object({
  /** `GitHub`, `Bitbucket`, `GitLab`, … */
  provider_name: str,
  /** The repository the pipeline ran for. */
  target_repository_url: str,
  /** The repository the change came from (a fork's URL for a fork's PR). */
  origin_repository_url: str,
  /** The commit SHA. */
  revision: str,
  /** The branch; absent for a tag. */
  branch: optStr,
  /** The tag; absent for a branch. */
  tag: optStr,
  /** The pull/merge request id, when there is one. */
  review_id: optStr,
  /** The pull/merge request's URL, when there is one. */
  review_url: optStr,
  /** The commit message, when CircleCI knows it. */
  commit: z.object({ subject: optStr, body: optStr }).nullish(),
});

/**
 * A pipeline (`GET v2/pipeline/{id}` and the items of a project's list).
 * `state` describes setup only; the result of a pipeline comes from its
 * workflows.
 * @public
 */
export const pipelineSchema = z.object({
  /** The pipeline's UUID. */
  id: str,
  /**
   * Why setup failed, for a pipeline whose `state` is `errored` (and then
   * usually without workflows). Empty otherwise; a missing list reads as empty.
   */
  errors: z
    .array(pipelineErrorSchema)
    .nullish()
    .transform(errors => errors ?? []),
  /** The project's slug, e.g. `gh/acme/rocket`. */
  project_slug: str,
  /** When the pipeline last changed. */
  updated_at: optDate,
  /** The pipeline's number within the project. */
  number: z.number(),
  /** `created`, `errored`, `setup-pending`, `setup`, `pending`, or a later addition. */
  state: str,
  /** When the pipeline was created. */
  created_at: str,
  /** Who or what triggered it. */
  trigger: pipelineTriggerSchema,
  /** The pipeline parameters it was triggered with. */
  trigger_parameters: z.record(z.string(), z.unknown()).nullish(),
  /** Version-control information; missing for some trigger types. */
  vcs: pipelineVcsSchema.nullish(),
});

/**
 * A workflow (`GET v2/workflow/{id}` and the items of a pipeline's list).
 * @public
 */
export const workflowSchema = z.object({
  /** The workflow's UUID. */
  id: str,
  /** The pipeline it belongs to. */
  pipeline_id: str,
  /** That pipeline's number. */
  pipeline_number: z.number(),
  /** The workflow's name in the config. */
  name: str,
  /** The project's slug. */
  project_slug: str,
  /** A `KnownWorkflowStatus`, or a string CircleCI adds later. */
  status: str,
  /** The id of the user who started it. */
  started_by: str,
  /** When it was created. */
  created_at: str,
  /** When it ended; absent while it runs. */
  stopped_at: optDate,
  /** The id of the user who cancelled it. */
  canceled_by: optStr,
  /** The id of the user (or system) it errored for. */
  errored_by: optStr,
  /** `setup` for a setup workflow. */
  tag: optStr,
  /** Which automatic rerun this is. */
  auto_rerun_number: optNum,
  /** How many automatic reruns are allowed. */
  max_auto_reruns: optNum,
});

/**
 * The answer to a pipeline trigger (`POST v2/project/{slug}/pipeline`).
 * A trigger that answered 2xx succeeded, whatever its body, so every field
 * is optional: one that is missing or of another type is left out.
 * @public
 */
export const triggeredPipelineSchema = z.object({
  /** The new pipeline's UUID. When absent, refresh the list instead of opening it. */
  id: str.optional().catch(undefined),
  /** Its state, usually `created` or `pending`. */
  state: str.optional().catch(undefined),
  /** Its number. */
  number: z.number().optional().catch(undefined),
  /** When it was created. */
  created_at: str.optional().catch(undefined),
});

/**
 * One pipeline definition of a project (`GET v2/projects/{project_id}/pipeline-definitions`):
 * which config file a pipeline of a GitHub App, GitLab or standalone
 * project runs.
 * @public
 */
export const pipelineDefinitionSchema = z.object({
  /** The definition's UUID, the `definition_id` of a pipeline run. */
  id: str,
  /** Its name, as shown in Project Settings › Pipelines. */
  name: str,
  /** Its description. */
  description: optStr,
  /** Where its config file lives. */
  config_source: z
    .object({
      /** The integration that stores the config, e.g. `github_app`. */
      provider: optStr,
      /** The config file's path, e.g. `.circleci/config.yml`. */
      file_path: optStr,
    })
    .optional(),
});

/**
 * `{ workflow_id }`, the answer to a rerun on CircleCI cloud. Older
 * CircleCI and CircleCI server answer `{ "message": "Accepted." }` instead.
 * @public
 */
export const rerunSchema = z.object({ workflow_id: str });

