import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ApproveJobOptions,
  CancelWorkflowOptions,
  CircleCIApi,
  FindPipelinesByRevisionOptions,
  GetMeOptions,
  GetPipelineOptions,
  GetProjectOptions,
  GetStepOutputOptions,
  GetWorkflowOptions,
  JobRef,
  ListJobsOptions,
  ListMyPipelinesOptions,
  ListPipelineDefinitionsOptions,
  ListPipelinesOptions,
  ListTestsOptions,
  ListWorkflowsOptions,
  PipelinesByRevision,
  RequestOptions,
  RerunWorkflowOptions,
  RerunWorkflowResult,
  RunPipelineOptions,
  TriggerPipelineOptions,
} from './CircleCIApi';
import { ActionRequests } from './actionRequests';
import { LegacyProxyTargetError } from '../common/errors';
import type {
  GetJobMetricsOptions,
  GetTestMetricsOptions,
  GetWorkflowMetricsOptions,
  GetWorkflowSummaryOptions,
  ListFlakyTestsOptions,
  ListInsightsBranchesOptions,
  ListWorkflowRunsOptions,
} from './insightsOptions';
import { InsightsRequests } from './insightsRequests';
import type {
  FlakyTests,
  JobMetrics,
  TestMetrics,
  WorkflowMetrics,
  WorkflowRun,
  WorkflowSummary,
} from '../common/insightsTypes';
import { listMyPipelines } from './myPipelines';
import { collectPages } from './pages';
import { searchRevision } from './revisionSearch';
import { DEFAULT_RETRY_POLICY, RetryPolicy } from './retry';
import {
  artifactSchema,
  currentUserSchema,
  jobDetailsSchema,
  jobStepsSchema,
  pageSchema,
  pipelineSchema,
  projectSchema,
  testResultSchema,
  workflowJobSchema,
  workflowSchema,
} from '../common/schemas';
import { toV1SlugPath, toV2SlugPath } from '../common/slug';
import { checkId, checkNumber, jobPath, slugOf, toPage } from './paths';
import { CircleCITransport } from './transport';
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
} from '../common/types';

/**
 * Options for {@link CircleCIClient}.
 * @public
 */
export interface CircleCIClientOptions {
  /** Finds the Backstage proxy. */
  discoveryApi: DiscoveryApi;
  /** Sends the requests, with the user's Backstage credentials. */
  fetchApi: FetchApi;
  /** The proxy endpoint's path. Default `/circleci/api`. */
  proxyPath?: string;
  /** How GET requests are retried. */
  retryPolicy?: Partial<RetryPolicy>;
  /** How long one attempt may take. Default 30 s. */
  timeoutMs?: number;
}

const MAX_ARTIFACT_PAGES = 20;

function isNotFound(error: unknown): boolean {
  return error instanceof ResponseError && error.statusCode === 404;
}

/**
 * The {@link CircleCIApi} over HTTP, through the Backstage proxy. Every
 * request goes through `fetchApi.fetch`, so the Backstage token reaches the
 * proxy, which adds the `Circle-Token` header. Responses are checked at the
 * boundary; GET requests are retried within a bound, POSTs never.
 * @public
 */
export class CircleCIClient implements CircleCIApi {
  private readonly transport: CircleCITransport;
  private readonly insights: InsightsRequests;
  private readonly actions: ActionRequests;

  /** Creates a client; it sends nothing until a method is called. */
  constructor(options: CircleCIClientOptions) {
    this.transport = new CircleCITransport({
      discoveryApi: options.discoveryApi,
      fetchApi: options.fetchApi,
      proxyPath: `/${(options.proxyPath ?? '/circleci/api').replace(/^\/+|\/+$/g, '')}`,
      retryPolicy: { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy },
      timeoutMs: options.timeoutMs ?? 30_000,
    });
    this.insights = new InsightsRequests(this.transport);
    this.actions = new ActionRequests(this.transport);
  }

  /** {@inheritDoc InsightsApi.getWorkflowMetrics} */
  getWorkflowMetrics(
    options: GetWorkflowMetricsOptions,
  ): Promise<Page<WorkflowMetrics>> {
    return this.insights.getWorkflowMetrics(options);
  }

  /** {@inheritDoc InsightsApi.listWorkflowRuns} */
  listWorkflowRuns(
    options: ListWorkflowRunsOptions,
  ): Promise<Page<WorkflowRun>> {
    return this.insights.listWorkflowRuns(options);
  }

  /** {@inheritDoc InsightsApi.getWorkflowSummary} */
  getWorkflowSummary(
    options: GetWorkflowSummaryOptions,
  ): Promise<WorkflowSummary> {
    return this.insights.getWorkflowSummary(options);
  }

  /** {@inheritDoc InsightsApi.getJobMetrics} */
  getJobMetrics(options: GetJobMetricsOptions): Promise<JobMetrics[]> {
    return this.insights.getJobMetrics(options);
  }

  /** {@inheritDoc InsightsApi.getTestMetrics} */
  getTestMetrics(options: GetTestMetricsOptions): Promise<TestMetrics> {
    return this.insights.getTestMetrics(options);
  }

  /** {@inheritDoc InsightsApi.listFlakyTests} */
  listFlakyTests(options: ListFlakyTestsOptions): Promise<FlakyTests> {
    return this.insights.listFlakyTests(options);
  }

  /** {@inheritDoc InsightsApi.listInsightsBranches} */
  listInsightsBranches(options: ListInsightsBranchesOptions): Promise<string[]> {
    return this.insights.listInsightsBranches(options);
  }

  /** {@inheritDoc CircleCIApi.listPipelines} */
  async listPipelines(options: ListPipelinesOptions): Promise<Page<Pipeline>> {
    const slug = slugOf(options.projectSlug);
    try {
      const data = await this.transport.get({
        path: `v2/project/${toV2SlugPath(slug)}/pipeline`,
        query: { branch: options.branch, 'page-token': options.pageToken },
        schema: pageSchema(pipelineSchema),
        signal: options.signal,
      });
      return toPage(data);
    } catch (error) {
      if (isNotFound(error) && (await this.meIsNotFound(options))) {
        throw new LegacyProxyTargetError();
      }
      throw error;
    }
  }

  /** {@inheritDoc CircleCIApi.findPipelinesByRevision} */
  async findPipelinesByRevision(
    options: FindPipelinesByRevisionOptions,
  ): Promise<PipelinesByRevision> {
    const { projectSlug, branch, signal, ...search } = options;
    return searchRevision({
      ...search,
      load: pageToken => this.listPipelines({ projectSlug, branch, pageToken, signal }),
    });
  }

  /** {@inheritDoc CircleCIApi.listMyPipelines} */
  listMyPipelines(options: ListMyPipelinesOptions): Promise<Page<Pipeline>> {
    return listMyPipelines(this.transport, options);
  }

  /** {@inheritDoc CircleCIApi.getProject} */
  async getProject(options: GetProjectOptions): Promise<Project> {
    return this.transport.get({
      path: `v2/project/${toV2SlugPath(slugOf(options.projectSlug))}`,
      schema: projectSchema,
      signal: options.signal,
    });
  }

  /** {@inheritDoc CircleCIApi.getPipeline} */
  async getPipeline(options: GetPipelineOptions): Promise<Pipeline> {
    return this.transport.get({
      path: `v2/pipeline/${checkId('pipeline id', options.pipelineId)}`,
      schema: pipelineSchema,
      signal: options.signal,
    });
  }

  /** {@inheritDoc CircleCIApi.listWorkflows} */
  async listWorkflows(options: ListWorkflowsOptions): Promise<Page<Workflow>> {
    const data = await this.transport.get({
      path: `v2/pipeline/${checkId('pipeline id', options.pipelineId)}/workflow`,
      query: { 'page-token': options.pageToken },
      schema: pageSchema(workflowSchema),
      signal: options.signal,
    });
    return toPage(data);
  }

  /** {@inheritDoc CircleCIApi.getWorkflow} */
  async getWorkflow(options: GetWorkflowOptions): Promise<Workflow> {
    return this.transport.get({
      path: `v2/workflow/${checkId('workflow id', options.workflowId)}`,
      schema: workflowSchema,
      signal: options.signal,
    });
  }

  /** {@inheritDoc CircleCIApi.listJobs} */
  async listJobs(options: ListJobsOptions): Promise<Page<WorkflowJob>> {
    const data = await this.transport.get({
      path: `v2/workflow/${checkId('workflow id', options.workflowId)}/job`,
      query: { 'page-token': options.pageToken },
      schema: pageSchema(workflowJobSchema),
      signal: options.signal,
    });
    return toPage(data);
  }

  /** {@inheritDoc CircleCIApi.getJob} */
  async getJob(options: JobRef): Promise<JobDetails> {
    return this.transport.get({
      path: `v2/project/${jobPath({ job: options, infix: 'job/' })}`,
      schema: jobDetailsSchema,
      signal: options.signal,
    });
  }

  /** {@inheritDoc CircleCIApi.listTests} */
  async listTests(options: ListTestsOptions): Promise<Page<TestResult>> {
    const data = await this.transport.get({
      path: `v2/project/${jobPath({ job: options })}/tests`,
      query: { 'page-token': options.pageToken },
      schema: pageSchema(testResultSchema),
      signal: options.signal,
    });
    return toPage(data);
  }

  /** {@inheritDoc CircleCIApi.listArtifacts} */
  async listArtifacts(options: JobRef): Promise<Page<Artifact>> {
    const path = `v2/project/${jobPath({ job: options })}/artifacts`;
    const { items, nextPageToken } = await collectPages({
      max: MAX_ARTIFACT_PAGES,
      load: async pageToken =>
        toPage(
          await this.transport.get({
            path,
            query: { 'page-token': pageToken },
            schema: pageSchema(artifactSchema),
            signal: options.signal,
          }),
        ),
    });
    return nextPageToken ? { items, nextPageToken } : { items };
  }

  /** {@inheritDoc CircleCIApi.getJobSteps} */
  async getJobSteps(options: JobRef): Promise<JobSteps> {
    const slug = slugOf(options.projectSlug);
    const n = checkNumber('job number', options.jobNumber);
    return this.transport.get({
      path: `v1.1/project/${toV1SlugPath(slug)}/${n}`,
      schema: jobStepsSchema,
      signal: options.signal,
    });
  }

  /** {@inheritDoc CircleCIApi.getStepOutput} */
  async getStepOutput(options: GetStepOutputOptions): Promise<string> {
    const index = checkNumber('container index', options.containerIndex);
    const step = checkNumber('step number', options.stepNumber);
    return this.transport.get<string>({
      path: `private/output/raw/${jobPath({ job: options })}/output/${index}/${step}`,
      text: true,
      signal: options.signal,
      onProgress: options.onProgress,
    });
  }

  /** {@inheritDoc CircleCIApi.rerunWorkflow} */
  rerunWorkflow(options: RerunWorkflowOptions): Promise<RerunWorkflowResult> {
    return this.actions.rerunWorkflow(options);
  }

  /** {@inheritDoc CircleCIApi.cancelWorkflow} */
  cancelWorkflow(options: CancelWorkflowOptions): Promise<void> {
    return this.actions.cancelWorkflow(options);
  }

  /** {@inheritDoc CircleCIApi.approveJob} */
  approveJob(options: ApproveJobOptions): Promise<void> {
    return this.actions.approveJob(options);
  }

  /** {@inheritDoc CircleCIApi.cancelJob} */
  cancelJob(options: JobRef): Promise<void> {
    return this.actions.cancelJob(options);
  }

  /** {@inheritDoc CircleCIApi.triggerPipeline} */
  triggerPipeline(options: TriggerPipelineOptions): Promise<TriggeredPipeline> {
    return this.actions.triggerPipeline(options);
  }

  /** {@inheritDoc CircleCIApi.listPipelineDefinitions} */
  listPipelineDefinitions(options: ListPipelineDefinitionsOptions): Promise<PipelineDefinition[]> {
    return this.actions.listPipelineDefinitions(options);
  }

  /** {@inheritDoc CircleCIApi.runPipeline} */
  runPipeline(options: RunPipelineOptions): Promise<TriggeredPipeline> {
    return this.actions.runPipeline(options);
  }

  /** {@inheritDoc CircleCIApi.getMe} */
  async getMe(options?: GetMeOptions): Promise<CurrentUser> {
    return this.transport.get({ path: 'v2/me', schema: currentUserSchema, signal: options?.signal });
  }

  /**
   * After a 404 for a project: true when `v2/me` is not found either, which
   * only happens when the proxy targets API v1.1 (`v2/me` exists on every v2
   * target). Any other answer, or failure, leaves the 404 as it is.
   */
  private async meIsNotFound(options: RequestOptions): Promise<boolean> {
    return this.getMe({ signal: options.signal }).then(
      () => false,
      isNotFound,
    );
  }
}
