import { createApiRef } from '@backstage/core-plugin-api';
import type {
  FlakyTests,
  JobMetrics,
  TestMetrics,
  WorkflowMetrics,
  WorkflowRun,
  WorkflowSummary,
} from '@circleci-backstage/plugin-circleci-common';
import type {
  ApproveJobOptions,
  CancelJobOptions,
  CancelWorkflowOptions,
  ListPipelineDefinitionsOptions,
  RerunWorkflowOptions,
  RerunWorkflowResult,
  RunPipelineOptions,
  TriggerPipelineOptions,
} from '@circleci-backstage/plugin-circleci-common';
import type {
  GetJobMetricsOptions,
  GetTestMetricsOptions,
  GetWorkflowMetricsOptions,
  GetWorkflowSummaryOptions,
  ListFlakyTestsOptions,
  ListInsightsBranchesOptions,
  ListWorkflowRunsOptions,
} from '@circleci-backstage/plugin-circleci-common';
import type {
  GetMeOptions,
  GetPipelineOptions,
  GetProjectOptions,
  GetStepOutputOptions,
  GetWorkflowOptions,
  JobRef,
  ListJobsOptions,
  ListMyPipelinesOptions,
  ListPipelinesOptions,
  ListTestsOptions,
  ListWorkflowsOptions,
} from '@circleci-backstage/plugin-circleci-common';
import type {
  FindPipelinesByRevisionOptions,
  PipelinesByRevision,
} from '@circleci-backstage/plugin-circleci-common';
import type {
  Artifact,
  CurrentUser,
  JobDetails,
  JobSteps,
  Page,
  Pipeline,
  PipelineDefinition,
  Project,
  TestResult,
  TriggeredPipeline,
  Workflow,
  WorkflowJob,
} from '@circleci-backstage/plugin-circleci-common';
import type { PipelinesWithWorkflowsPage } from './pipelinesWithWorkflows';
import type { ProbeSignalsOptions } from './signalProbe';

/**
 * The CircleCI API as the plugin uses it: API v2 for everything except the
 * steps of a job (API v1.1) and the raw step output, all through the
 * Backstage proxy or, with `circleci.backend.enabled`, through the CircleCI
 * backend plugin (which serves the same paths below `/api/circleci`). Actions (POSTs) are never retried, and any 2xx answer to
 * one is a success, whatever its body. The Insights methods read figures
 * CircleCI computes on a schedule (not live): cache them and never poll;
 * 403 and 404 there mean the token's user cannot see the project's insights.
 * @public
 */
export interface CircleCIApi {
  /**
   * Lists the pipelines of a project, newest first (20 a page). Throws
   * `LegacyProxyTargetError` when the proxy targets API v1.1 (every v2 path,
   * `v2/me` too, answers 404).
   */
  listPipelines(options: ListPipelinesOptions): Promise<Page<Pipeline>>;
  /**
   * Backend mode only: a page of a project's pipelines, each with all its
   * workflows, in one request (`GET /api/circleci/pipelines`, the backend
   * plugin's aggregate; API v2 needs 1 + 20 requests for it). The method
   * exists only when the client talks to the backend plugin
   * (`circleci.backend.enabled: true`); in proxy mode it is undefined, and
   * callers read `listPipelines` and `listWorkflows` instead. Takes the
   * options of `listPipelines`.
   */
  listPipelinesWithWorkflows?(options: ListPipelinesOptions): Promise<PipelinesWithWorkflowsPage>;
  /**
   * Backend mode only: asks the backend plugin to publish a probe answer
   * (`{ kind: 'probe', nonce }`) on a project's signal channel, to the
   * calling user alone (`POST /api/circleci/signals/probe`). A tab counts
   * signals as live only once the answer arrives. Undefined in proxy mode
   * (nothing publishes signals there). Sent once, never retried.
   */
  probeSignals?(options: ProbeSignalsOptions): Promise<void>;
  /**
   * Finds the pipelines of a commit. API v2 has no filter by SHA, so this
   * walks the project's pipelines, newest first (by branch on the server
   * when one is given), and stops at the first of: the matches are settled
   * (see `RevisionSearchStop`), the last page, `maxPages` pages, or
   * the time bound. It sends one request per page and nothing else.
   * Rejects with a `RangeError` for a revision that is not 7 to 64 hex
   * characters.
   */
  findPipelinesByRevision(options: FindPipelinesByRevisionOptions): Promise<PipelinesByRevision>;
  /**
   * Lists the pipelines of a project that the token's user triggered,
   * newest first (20 a page; `GET v2/project/{slug}/pipeline/mine`, which
   * has no branch filter). Not every CircleCI answers it: callers should
   * treat an error as "not available" rather than as a broken project.
   */
  listMyPipelines(options: ListMyPipelinesOptions): Promise<Page<Pipeline>>;
  /** Reads a project, with its default branch (`vcs_info.default_branch`). */
  getProject(options: GetProjectOptions): Promise<Project>;
  /** Reads one pipeline. */
  getPipeline(options: GetPipelineOptions): Promise<Pipeline>;
  /** Lists the workflows of a pipeline, including earlier runs of reruns. */
  listWorkflows(options: ListWorkflowsOptions): Promise<Page<Workflow>>;
  /** Reads one workflow. */
  getWorkflow(options: GetWorkflowOptions): Promise<Workflow>;
  /** Lists the jobs of a workflow, including approval jobs. */
  listJobs(options: ListJobsOptions): Promise<Page<WorkflowJob>>;
  /** Reads the details of one job. */
  getJob(options: JobRef): Promise<JobDetails>;
  /** Lists the test results of a job. */
  listTests(options: ListTestsOptions): Promise<Page<TestResult>>;
  /**
   * Lists the artifacts of a job: all pages, up to 20; `nextPageToken` is
   * set when there were more.
   */
  listArtifacts(options: JobRef): Promise<Page<Artifact>>;
  /** Reads the steps of a job with one action per container (API v1.1). */
  getJobSteps(options: JobRef): Promise<JobSteps>;
  /**
   * Reads the raw output of one step on one container, as plain text. With
   * `onProgress` the body is streamed, and the promise still resolves with
   * the whole text.
   */
  getStepOutput(options: GetStepOutputOptions): Promise<string>;
  /** Reruns a workflow, or only its failed jobs, or the given jobs. */
  rerunWorkflow(options: RerunWorkflowOptions): Promise<RerunWorkflowResult>;
  /** Cancels a running workflow. */
  cancelWorkflow(options: CancelWorkflowOptions): Promise<void>;
  /** Approves a job that waits for approval. */
  approveJob(options: ApproveJobOptions): Promise<void>;
  /** Cancels a running job. */
  cancelJob(options: CancelJobOptions): Promise<void>;
  /**
   * Triggers a new pipeline on a branch or tag, and resolves with what the
   * answer says of it (see `TriggeredPipeline`).
   */
  triggerPipeline(options: TriggerPipelineOptions): Promise<TriggeredPipeline>;
  /**
   * Lists the pipeline definitions of a project (`GET v2/projects/{project_id}/pipeline-definitions`), for
   * {@link CircleCIApi.runPipeline}.
   */
  listPipelineDefinitions(options: ListPipelineDefinitionsOptions): Promise<PipelineDefinition[]>;
  /**
   * Starts a pipeline from a pipeline definition (`POST v2/project/{provider}/{org}/{project}/pipeline/run`), the way for
   * `circleci/...` projects; resolves with what the answer says of it.
   */
  runPipeline(options: RunPipelineOptions): Promise<TriggeredPipeline>;
  /** Reads the user that owns the proxy's token. */
  getMe(options?: GetMeOptions): Promise<CurrentUser>;
  /** Per-workflow metrics of a project (`GET v2/insights/{slug}/workflows`), one page. */
  getWorkflowMetrics(options: GetWorkflowMetricsOptions): Promise<Page<WorkflowMetrics>>;
  /** Recent runs of a workflow (`GET v2/insights/{slug}/workflows/{name}`), one page. */
  listWorkflowRuns(options: ListWorkflowRunsOptions): Promise<Page<WorkflowRun>>;
  /** A workflow's summary and trends (`.../workflows/{name}/summary`). */
  getWorkflowSummary(options: GetWorkflowSummaryOptions): Promise<WorkflowSummary>;
  /** Per-job metrics of a workflow (`.../workflows/{name}/jobs`), all pages up to 10. */
  getJobMetrics(options: GetJobMetricsOptions): Promise<JobMetrics[]>;
  /** The most failed and slowest tests of a workflow (`.../workflows/{name}/test-metrics`). */
  getTestMetrics(options: GetTestMetricsOptions): Promise<TestMetrics>;
  /** The flaky tests of a project (`GET v2/insights/{slug}/flaky-tests`). */
  listFlakyTests(options: ListFlakyTestsOptions): Promise<FlakyTests>;
  /** The branch names Insights knows (`GET v2/insights/{slug}/branches`). */
  listInsightsBranches(options: ListInsightsBranchesOptions): Promise<string[]>;
}

/**
 * The API reference for {@link CircleCIApi}.
 * @public
 */
export const circleCIApiRef = createApiRef<CircleCIApi>({
  id: 'plugin.circleci.service',
});
