/*
 * The types of CircleCI's responses, as the client returns them. Each is
 * the output of its schema in ./schemas (which documents the fields), so a
 * shape is written once. Fields that real responses leave out or null are
 * optional, so callers must handle their absence.
 */
import type { z } from 'zod';
import type {
  artifactSchema,
  currentUserSchema,
  jobDetailsSchema,
  jobStepSchema,
  jobStepsSchema,
  pipelineDefinitionSchema,
  pipelineErrorSchema,
  projectSchema,
  pipelineSchema,
  pipelineTriggerSchema,
  pipelineVcsSchema,
  stepActionSchema,
  testResultSchema,
  triggeredPipelineSchema,
  workflowJobSchema,
  workflowSchema,
} from './schemas';

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
export type PipelineError = z.output<typeof pipelineErrorSchema>;

/**
 * Who or what triggered a pipeline.
 * @public
 */
export type PipelineTrigger = z.output<typeof pipelineTriggerSchema>;

/**
 * Version-control information for a pipeline. Missing for some trigger types.
 * @public
 */
export type PipelineVcs = z.output<typeof pipelineVcsSchema>;

/**
 * A CircleCI pipeline (`GET /v2/pipeline/{id}`).
 *
 * `state` describes setup only (`created`, `errored`, `setup-pending`,
 * `setup`, `pending`); it is not a result. The result of a pipeline is
 * derived from its workflows; an `errored` one carries its `errors`.
 * @public
 */
export type Pipeline = z.output<typeof pipelineSchema>;

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
 * A CircleCI workflow (`GET /v2/workflow/{id}`). Its `status` is a
 * {@link KnownWorkflowStatus} or a string CircleCI adds later.
 * @public
 */
export type Workflow = z.output<typeof workflowSchema>;

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
 * A job as listed in a workflow (`GET /v2/workflow/{id}/job`). Its `status`
 * is a {@link KnownJobStatus}, a later string, or null. Approval jobs have
 * no `job_number` and `started_at: null`.
 * @public
 */
export type WorkflowJob = z.output<typeof workflowJobSchema>;

/**
 * Details of one job (`GET /v2/project/{slug}/job/{n}`). Its `status` is a
 * {@link KnownJobStatus}, a later string, or null.
 * @public
 */
export type JobDetails = z.output<typeof jobDetailsSchema>;

/**
 * One test result of a job (`GET /v2/project/{slug}/{n}/tests`).
 * @public
 */
export type TestResult = z.output<typeof testResultSchema>;

/**
 * One artifact of a job (`GET /v2/project/{slug}/{n}/artifacts`).
 * @public
 */
export type Artifact = z.output<typeof artifactSchema>;

/**
 * One action of a step: the step as it ran on one parallel container
 * (from API v1.1 build details).
 * @public
 */
export type StepAction = z.output<typeof stepActionSchema>;

/**
 * One step of a job, with one action per container.
 * @public
 */
export type JobStep = z.output<typeof jobStepSchema>;

/**
 * The steps of a job, as returned by `getJobSteps`.
 * @public
 */
export type JobSteps = z.output<typeof jobStepsSchema>;

/**
 * The user that owns the token (`GET /v2/me`). `name` is null for a user
 * with no display name.
 * @public
 */
export type CurrentUser = z.output<typeof currentUserSchema>;

/**
 * A project (`GET /v2/project/{slug}`); `vcs_info.default_branch` names the
 * branch the cards show by default.
 * @public
 */
export type Project = z.output<typeof projectSchema>;

/**
 * The answer to a pipeline trigger (`POST /v2/project/{slug}/pipeline`):
 * what could be read of it. Every field is optional, as any 2xx answer is a
 * success; without an `id`, refresh the list instead of opening the pipeline.
 * @public
 */
export type TriggeredPipeline = z.output<typeof triggeredPipelineSchema>;

/**
 * A pipeline definition of a project: which config file its pipelines run.
 * @public
 */
export type PipelineDefinition = z.output<typeof pipelineDefinitionSchema>;
