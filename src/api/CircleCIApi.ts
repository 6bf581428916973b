import { createApiRef } from '@backstage/core-plugin-api';
import type { ProjectSlug } from '../domain/slug';
import type { InsightsApi } from './insightsOptions';
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
} from './types';

/**
 * Options every request accepts.
 * @public
 */
export interface RequestOptions {
  /** Cancels the request (and any retry wait) when aborted. */
  signal?: AbortSignal;
}

/**
 * Identifies one job of a project; the options of `getJob`, `listArtifacts`,
 * `getJobSteps` and `cancelJob`.
 * @public
 */
export interface JobRef extends RequestOptions {
  /** A slug string such as `gh/acme/rocket`, or an already parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
  /** The job's number in the project. */
  jobNumber: number;
}

/**
 * Options of {@link CircleCIApi.listPipelines}.
 * @public
 */
export interface ListPipelinesOptions extends RequestOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
  /** Only the pipelines of this branch. */
  branch?: string;
  /** The `nextPageToken` of the previous page; none for the first page. */
  pageToken?: string;
}

/**
 * How far {@link CircleCIApi.findPipelinesByRevision} has looked, reported
 * after each page.
 * @public
 */
export interface RevisionSearchProgress {
  /** Pipeline pages read so far. */
  pagesRead: number;
  /** Pipelines looked at so far. */
  pipelinesScanned: number;
  /** Matching pipelines found so far. */
  matchCount: number;
}

/**
 * Why {@link CircleCIApi.findPipelinesByRevision} stopped: `settled` (matches
 * were found and the walk reached pipelines older than the oldest of them,
 * or older than `committedAt`), `end` (the project has no older pipelines),
 * `max-pages` (it read `maxPages` pages) or `time` (the time bound passed).
 * After `max-pages` and `time`, `nextPageToken` continues the search.
 * @public
 */
export type RevisionSearchStop = 'settled' | 'end' | 'max-pages' | 'time';

/**
 * Options of {@link CircleCIApi.findPipelinesByRevision}.
 * @public
 */
export interface FindPipelinesByRevisionOptions extends RequestOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
  /** The commit: a full SHA, or at least its first 7 hex characters. */
  revision: string;
  /** Only this branch's pipelines (filtered by CircleCI, so fewer pages). */
  branch?: string;
  /** The most pipeline pages to read (20 pipelines a page). Default 10. */
  maxPages?: number;
  /** How long the walk may take before it stops between pages. Default 20 s. */
  timeLimitMs?: number;
  /** Continues an earlier search: its `nextPageToken`. */
  pageToken?: string;
  /**
   * When the commit was made (ISO 8601), if known: pipelines older than it
   * cannot match, so the walk stops once it reaches them.
   */
  committedAt?: string;
  /** Called after each page with how far the walk has got. Must not throw. */
  onProgress?: (progress: RevisionSearchProgress) => void;
}

/**
 * The answer of {@link CircleCIApi.findPipelinesByRevision}: the matching
 * pipelines and how far the search looked.
 * @public
 */
export interface PipelinesByRevision {
  /** The pipelines whose `vcs.revision` matches, newest first. */
  matches: Pipeline[];
  /** Pipeline pages read (pipeline requests sent, retries aside). */
  pagesRead: number;
  /** Pipelines looked at. */
  pipelinesScanned: number;
  /** Why the walk stopped. */
  stoppedBecause: RevisionSearchStop;
  /** When stopped by `max-pages` or `time`: where a further search starts. */
  nextPageToken?: string;
}

/**
 * Options of {@link CircleCIApi.getProject}.
 * @public
 */
export interface GetProjectOptions extends RequestOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
}

/**
 * Options of {@link CircleCIApi.getPipeline}.
 * @public
 */
export interface GetPipelineOptions extends RequestOptions {
  /** The pipeline's UUID. */
  pipelineId: string;
}

/**
 * Options of {@link CircleCIApi.listWorkflows}.
 * @public
 */
export interface ListWorkflowsOptions extends RequestOptions {
  /** The pipeline's UUID. */
  pipelineId: string;
  /** The `nextPageToken` of the previous page; none for the first page. */
  pageToken?: string;
}

/**
 * Options of {@link CircleCIApi.getWorkflow}.
 * @public
 */
export interface GetWorkflowOptions extends RequestOptions {
  /** The workflow's UUID. */
  workflowId: string;
}

/**
 * Options of {@link CircleCIApi.listJobs}.
 * @public
 */
export interface ListJobsOptions extends RequestOptions {
  /** The workflow's UUID. */
  workflowId: string;
  /** The `nextPageToken` of the previous page; none for the first page. */
  pageToken?: string;
}

/**
 * Options of {@link CircleCIApi.listTests}.
 * @public
 */
export interface ListTestsOptions extends JobRef {
  /** The `nextPageToken` of the previous page; none for the first page. */
  pageToken?: string;
}

/**
 * Options of {@link CircleCIApi.getStepOutput}.
 * @public
 */
export interface GetStepOutputOptions extends JobRef {
  /** The container (parallel run) index. */
  containerIndex: number;
  /** The step number, `StepAction.step`. */
  stepNumber: number;
  /**
   * Called with the text received so far while the body downloads:
   * first once 64 Ki characters have arrived or 250 ms after the first
   * chunk, whichever comes first; then at most every 250 ms, once the
   * text is 4 times as long as at the last call or 2 s have passed; not
   * for the chunk that completes a body of known length. Each call's
   * text extends the previous one, except after a retry, which starts
   * from the beginning. While streaming, the request's timeout covers the
   * time to the response headers and then each wait for the next chunk
   * (an idle timeout), not the whole download. Must not throw.
   */
  onProgress?: (textSoFar: string) => void;
}

/**
 * Options of {@link CircleCIApi.rerunWorkflow}.
 * @public
 */
export interface RerunWorkflowOptions extends RequestOptions {
  /** The workflow's UUID. */
  workflowId: string;
  /** Reruns only the failed jobs (and what depends on them). */
  fromFailed?: boolean;
  /** Reruns only these jobs (by job UUID). */
  jobIds?: string[];
}

/**
 * The answer to {@link CircleCIApi.rerunWorkflow}.
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
 * Options of {@link CircleCIApi.cancelWorkflow}.
 * @public
 */
export interface CancelWorkflowOptions extends RequestOptions {
  /** The workflow's UUID. */
  workflowId: string;
}

/**
 * Options of {@link CircleCIApi.approveJob}.
 * @public
 */
export interface ApproveJobOptions extends RequestOptions {
  /** The UUID of the workflow the approval job belongs to. */
  workflowId: string;
  /** The job's `approval_request_id`. */
  approvalRequestId: string;
}

/**
 * Options of {@link CircleCIApi.triggerPipeline}. Give a branch or a tag.
 * @public
 */
export interface TriggerPipelineOptions extends RequestOptions {
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
 * Options of {@link CircleCIApi.listPipelineDefinitions}.
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
 * Options of {@link CircleCIApi.runPipeline}: the way to start a pipeline
 * of a GitHub App, GitLab or standalone project (`circleci/...` slugs). Give
 * a branch or a tag.
 * @public
 */
export interface RunPipelineOptions extends RequestOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
  /** The pipeline definition to run (see {@link CircleCIApi.listPipelineDefinitions}). */
  definitionId: string;
  /** The branch whose config is run and checked out. */
  branch?: string;
  /** The tag whose config is run and checked out. */
  tag?: string;
  /** Pipeline parameters declared in the project's config. */
  parameters?: Record<string, string | number | boolean>;
}

/**
 * Options of {@link CircleCIApi.getMe}.
 * @public
 */
export type GetMeOptions = RequestOptions;

/**
 * The CircleCI API as the plugin uses it: API v2 for everything except the
 * steps of a job (API v1.1) and the raw step output, all through the
 * Backstage proxy. Actions (POSTs) are never retried, and any 2xx answer to
 * one is a success, whatever its body. The Insights methods come from
 * {@link InsightsApi}.
 * @public
 */
export interface CircleCIApi extends InsightsApi {
  /**
   * Lists the pipelines of a project, newest first (20 a page). Throws
   * `LegacyProxyTargetError` when the proxy targets API v1.1 (every v2 path,
   * `v2/me` too, answers 404).
   */
  listPipelines(options: ListPipelinesOptions): Promise<Page<Pipeline>>;
  /**
   * Finds the pipelines of a commit. API v2 has no filter by SHA, so this
   * walks the project's pipelines, newest first (by branch on the server
   * when one is given), and stops at the first of: the matches are settled
   * (see {@link RevisionSearchStop}), the last page, `maxPages` pages, or
   * the time bound. It sends one request per page and nothing else.
   * Rejects with a `RangeError` for a revision that is not 7 to 64 hex
   * characters.
   */
  findPipelinesByRevision(options: FindPipelinesByRevisionOptions): Promise<PipelinesByRevision>;
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
  cancelJob(options: JobRef): Promise<void>;
  /**
   * Triggers a new pipeline on a branch or tag, and resolves with what the
   * answer says of it (see {@link TriggeredPipeline}).
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
}

/**
 * The API reference for {@link CircleCIApi}.
 * @public
 */
export const circleCIApiRef = createApiRef<CircleCIApi>({
  id: 'plugin.circleci.service',
});
