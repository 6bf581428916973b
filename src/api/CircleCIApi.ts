import { createApiRef } from '@backstage/core-plugin-api';
import type { ProjectSlug } from '../domain/slug';
import type {
  Artifact,
  CurrentUser,
  JobDetails,
  JobSteps,
  Page,
  Pipeline,
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
 * Identifies one job of a project. `projectSlug` is a slug string such as
 * `gh/acme/rocket` or an already parsed {@link ProjectSlug}.
 * @public
 */
export interface JobRef extends RequestOptions {
  projectSlug: string | ProjectSlug;
  jobNumber: number;
}

/**
 * The CircleCI API as the plugin uses it: API v2 for everything except the
 * steps of a job (API v1.1) and the raw step output, all through the
 * Backstage proxy.
 * @public
 */
export interface CircleCIApi {
  /** Lists the pipelines of a project, newest first (20 a page). */
  listPipelines(
    options: RequestOptions & {
      projectSlug: string | ProjectSlug;
      branch?: string;
      pageToken?: string;
    },
  ): Promise<Page<Pipeline>>;
  /** Reads one pipeline. */
  getPipeline(options: RequestOptions & { pipelineId: string }): Promise<Pipeline>;
  /** Lists the workflows of a pipeline, including earlier runs of reruns. */
  listWorkflows(
    options: RequestOptions & { pipelineId: string; pageToken?: string },
  ): Promise<Page<Workflow>>;
  /** Reads one workflow. */
  getWorkflow(options: RequestOptions & { workflowId: string }): Promise<Workflow>;
  /** Lists the jobs of a workflow, including approval jobs. */
  listJobs(
    options: RequestOptions & { workflowId: string; pageToken?: string },
  ): Promise<Page<WorkflowJob>>;
  /** Reads the details of one job. */
  getJob(options: JobRef): Promise<JobDetails>;
  /** Lists the test results of a job. */
  listTests(options: JobRef & { pageToken?: string }): Promise<Page<TestResult>>;
  /** Lists the artifacts of a job (all pages). */
  listArtifacts(options: JobRef): Promise<Page<Artifact>>;
  /** Reads the steps of a job with one action per container (API v1.1). */
  getJobSteps(options: JobRef): Promise<JobSteps>;
  /**
   * Reads the raw output of one step on one container, as plain text. With
   * `onProgress` the body is streamed, and the promise still resolves with
   * the whole text.
   */
  getStepOutput(
    options: JobRef & {
      containerIndex: number;
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
    },
  ): Promise<string>;
  /** Reruns a workflow, or only its failed jobs, or the given jobs. */
  rerunWorkflow(
    options: RequestOptions & { workflowId: string; fromFailed?: boolean; jobIds?: string[] },
  ): Promise<{ workflowId: string }>;
  /** Cancels a running workflow. */
  cancelWorkflow(options: RequestOptions & { workflowId: string }): Promise<void>;
  /** Approves a job that waits for approval. */
  approveJob(
    options: RequestOptions & { workflowId: string; approvalRequestId: string },
  ): Promise<void>;
  /** Cancels a running job. */
  cancelJob(options: JobRef): Promise<void>;
  /** Triggers a new pipeline on a branch or tag. */
  triggerPipeline(
    options: RequestOptions & {
      projectSlug: string | ProjectSlug;
      branch?: string;
      tag?: string;
      parameters?: Record<string, string | number | boolean>;
    },
  ): Promise<TriggeredPipeline>;
  /** Reads the user that owns the proxy's token. */
  getMe(options?: RequestOptions): Promise<CurrentUser>;
}

/**
 * The API reference for {@link CircleCIApi}.
 * @public
 */
export const circleCIApiRef = createApiRef<CircleCIApi>({
  id: 'plugin.circleci.service',
});
