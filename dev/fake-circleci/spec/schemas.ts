/*
 * Named response types of the API v2 subset, taken from the generated
 * `v2.generated.ts` (openapi-typescript over the checked-in subset), and the
 * few documented widenings where real CircleCI sends what the spec denies.
 *
 * The subset's operations inline their schemas (CircleCI's published file has
 * no `components.schemas` for them), so the names are derived from
 * `operations[operationId].responses[status]`. The fake's serialisers are
 * typed against these, never against the plugin's client types.
 */

import type { operations } from './v2.generated';

type Operation = keyof operations;

/** The JSON body of an operation's response (`status` e.g. `200` or `'default'`). */
export type ResponseBody<
  Op extends Operation,
  Status extends keyof operations[Op]['responses'],
> = operations[Op]['responses'][Status] extends { content: { 'application/json': infer Body } }
  ? Body
  : never;

/** Replaces the types of some fields of `T` (a widening documented where it is used). */
export type Widen<T, Fields extends Partial<Record<keyof T, unknown>>> = Omit<T, keyof Fields> &
  Fields;

/** `GET /me` (spec: `User`). */
export type SpecUser = ResponseBody<'getCurrentUser', 200>;
/** `GET /project/{project-slug}`. */
export type SpecProject = ResponseBody<'getProjectBySlug', 200>;
/** `GET /pipeline/{pipeline-id}` (spec: `Pipeline`). */
export type SpecPipeline = ResponseBody<'getPipelineById', 200>;
/** One entry of a pipeline's `errors`. */
export type SpecPipelineError = SpecPipeline['errors'][number];
/** A pipeline's `vcs`. */
export type SpecPipelineVcs = NonNullable<SpecPipeline['vcs']>;
/** `POST /project/{project-slug}/pipeline` 201 (spec: `PipelineCreation`). */
export type SpecPipelineCreation = ResponseBody<'triggerPipeline', 201>;
/** `GET /workflow/{id}` (spec: `Workflow`). */
export type SpecWorkflow = ResponseBody<'getWorkflowById', 200>;
/** A workflow's `status`. */
export type SpecWorkflowStatus = SpecWorkflow['status'];
/** One item of `GET /workflow/{id}/job` (spec: `Job`). */
export type SpecWorkflowJob = ResponseBody<'listWorkflowJobs', 200>['items'][number];
/** A job's `status`. */
export type SpecJobStatus = SpecWorkflowJob['status'];
/** `GET /project/{project-slug}/job/{job-number}` (spec: `Job Details`). */
export type SpecJobDetails = ResponseBody<'getJobDetails', 200>;
/** One item of `GET /project/{project-slug}/{job-number}/tests`. */
export type SpecTestResult = ResponseBody<'getTests', 200>['items'][number];
/** One item of `GET /project/{project-slug}/{job-number}/artifacts` (spec: `Artifact`). */
export type SpecArtifact = ResponseBody<'getJobArtifacts', 200>['items'][number];
/** `POST /workflow/{id}/rerun` 202. */
export type SpecRerunAccepted = ResponseBody<'rerunWorkflow', 202>;
/** `POST /workflow/{id}/cancel` and `/approve/...` 202, job cancel 200 (spec: `MessageResponse`). */
export type SpecMessage = ResponseBody<'cancelWorkflow', 202>;
/** The `default` (error) response of every operation. */
export type SpecError = ResponseBody<'getPipelineById', 'default'>;

/** A page of a list as the spec describes it (`items` and `next_page_token`). */
export interface SpecPage<T> {
  items: T[];
  next_page_token: string | null;
}

// --- Widenings: what real CircleCI sends although the spec denies it ------

/**
 * `GET /me`: a user without a display name has `"name": null` (the spec says
 * `string`); the fake sends it with the `meNameNull` quirk.
 */
export type MeBody = Widen<SpecUser, { name: string | null }>;

/**
 * A pipeline's commit: real pipelines miss `subject` altogether (the spec
 * requires it, nullable).
 */
export type PipelineCommitBody = Widen<
  NonNullable<SpecPipelineVcs['commit']>,
  { subject?: string | null }
>;

/** A pipeline's `vcs` with {@link PipelineCommitBody}. */
export type PipelineVcsBody = Widen<SpecPipelineVcs, { commit?: PipelineCommitBody }>;

/** A pipeline (see {@link PipelineVcsBody}). */
export type PipelineBody = Widen<SpecPipeline, { vcs?: PipelineVcsBody }>;

/**
 * A workflow: real CircleCI once sent `stopped_at: ""` (the spec says a
 * date-time or null; the type cannot tell, the ajv test can). The fake sends
 * it with the `workflowStoppedAtEmpty` quirk.
 */
export type WorkflowBody = SpecWorkflow;

/**
 * A job of a workflow: approval jobs and jobs that have not started have
 * `started_at: null` (the spec requires a date-time); CircleCI's newer
 * description and real responses allow `status: null` (the fake sends it with
 * the `jobStatusNull` quirk).
 */
export type WorkflowJobBody = Widen<
  SpecWorkflowJob,
  { started_at: string | null; status: SpecJobStatus | null }
>;

/** Job details: `started_at` and `status` as in {@link WorkflowJobBody}. */
export type JobDetailsBody = Widen<
  SpecJobDetails,
  { started_at: string | null; status: SpecJobStatus | null }
>;

/** `a-b-c` as `a_b_c`. */
type Snake<K> = K extends `${infer Head}-${infer Tail}` ? `${Head}_${Snake<Tail>}` : K;
/** `T` with every hyphenated key spelled in snake_case. */
type SnakeKeys<T> = { [K in keyof T as Snake<K>]: T[K] };

/** One flaky test as real CircleCI sends it (see {@link FlakyTestsBody}). */
export type FlakyTestBody = SnakeKeys<SpecFlakyTests['flaky-tests'][number]>;

/**
 * `GET v2/insights/{slug}/flaky-tests` as real CircleCI sends it: the spec's
 * fields under snake_case keys (`flaky_tests`, `total_flaky_tests`,
 * `job_number`, ...; CircleCI's own MCP server reads these), where the
 * spec documents hyphenated ones (`flaky-tests`, `job-number`).
 */
export type FlakyTestsBody = {
  flaky_tests: FlakyTestBody[];
  total_flaky_tests: SpecFlakyTests['total-flaky-tests'];
};
/** `POST /project/{provider}/{organization}/{project}/pipeline/run` 201 (spec: `pipeline`). */
export type SpecPipelineRun = ResponseBody<'triggerPipelineRun', 201>;
/** `POST .../pipeline/run` 200: no pipeline was created (spec: `pipelineNotTriggeredResponse`). */
export type SpecPipelineNotTriggered = ResponseBody<'triggerPipelineRun', 200>;
/** `GET /projects/{project_id}/pipeline-definitions` (spec: `pipelineDefinitionList`). */
export type SpecPipelineDefinitionList = ResponseBody<'listPipelineDefinitions', 200>;
/** One pipeline definition (spec: `pipelineDefinition`). */
export type SpecPipelineDefinition = NonNullable<SpecPipelineDefinitionList['items']>[number];

/** `GET v2/insights/{slug}/workflows`. */
export type SpecWorkflowMetricsPage = ResponseBody<'getProjectWorkflowMetrics', 200>;
/** `GET v2/insights/{slug}/workflows/{name}`. */
export type SpecWorkflowRunsPage = ResponseBody<'getProjectWorkflowRuns', 200>;
/** `GET v2/insights/{slug}/workflows/{name}/jobs`. */
export type SpecJobMetricsPage = ResponseBody<'getProjectWorkflowJobMetrics', 200>;
/** `GET v2/insights/{slug}/workflows/{name}/summary`. */
export type SpecWorkflowSummary = ResponseBody<'getWorkflowSummary', 200>;
/** `GET v2/insights/{slug}/workflows/{name}/test-metrics`. */
export type SpecTestMetrics = ResponseBody<'getProjectWorkflowTestMetrics', 200>;
/** `GET v2/insights/{slug}/flaky-tests`. */
export type SpecFlakyTests = ResponseBody<'getFlakyTests', 200>;
/** `GET v2/insights/{slug}/branches`. */
export type SpecInsightsBranches = ResponseBody<'getAllInsightsBranches', 200>;
