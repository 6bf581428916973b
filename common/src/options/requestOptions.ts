/*
 * The options of the read methods of `CircleCIApi`.
 */
import type { ProjectSlug } from '../slug';

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
 * Options of `CircleCIApi.listPipelines`.
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
 * Options of `CircleCIApi.listMyPipelines`.
 * @public
 */
export interface ListMyPipelinesOptions extends RequestOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
  /** The `nextPageToken` of the previous page; none for the first page. */
  pageToken?: string;
}

/**
 * Options of `CircleCIApi.getProject`.
 * @public
 */
export interface GetProjectOptions extends RequestOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
}

/**
 * Options of `CircleCIApi.getPipeline`.
 * @public
 */
export interface GetPipelineOptions extends RequestOptions {
  /** The pipeline's UUID. */
  pipelineId: string;
}

/**
 * Options of `CircleCIApi.listWorkflows`.
 * @public
 */
export interface ListWorkflowsOptions extends RequestOptions {
  /** The pipeline's UUID. */
  pipelineId: string;
  /** The `nextPageToken` of the previous page; none for the first page. */
  pageToken?: string;
}

/**
 * Options of `CircleCIApi.getWorkflow`.
 * @public
 */
export interface GetWorkflowOptions extends RequestOptions {
  /** The workflow's UUID. */
  workflowId: string;
}

/**
 * Options of `CircleCIApi.listJobs`.
 * @public
 */
export interface ListJobsOptions extends RequestOptions {
  /** The workflow's UUID. */
  workflowId: string;
  /** The `nextPageToken` of the previous page; none for the first page. */
  pageToken?: string;
}

/**
 * Options of `CircleCIApi.listTests`.
 * @public
 */
export interface ListTestsOptions extends JobRef {
  /** The `nextPageToken` of the previous page; none for the first page. */
  pageToken?: string;
}

/**
 * Options of `CircleCIApi.getStepOutput`.
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
 * Options of `CircleCIApi.getMe`.
 * @public
 */
export type GetMeOptions = RequestOptions;
