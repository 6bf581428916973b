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
  RerunWorkflowOptions,
  RerunWorkflowResult,
  RunPipelineOptions,
  TriggerPipelineOptions,
} from './CircleCIApi';
import type {
  GetJobMetricsOptions,
  GetTestMetricsOptions,
  GetWorkflowMetricsOptions,
  GetWorkflowSummaryOptions,
  ListFlakyTestsOptions,
  ListInsightsBranchesOptions,
  ListWorkflowRunsOptions,
} from './insightsOptions';
import type {
  FlakyTests,
  JobMetrics,
  TestMetrics,
  WorkflowMetrics,
  WorkflowRun,
  WorkflowSummary,
} from '../common/insightsTypes';
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
 * Options for {@link LazyCircleCIClient}.
 * @public
 */
export interface LazyCircleCIClientOptions {
  /**
   * Loads the real client, e.g. with a dynamic `import()` of
   * `CircleCIClient`. Called on the first request; after a failure (such as
   * a chunk that could not be downloaded) it is called again on the next.
   */
  load: () => Promise<CircleCIApi>;
}

/**
 * A {@link CircleCIApi} that loads the real client (and its response checks)
 * on first use. The API factory runs when the app starts, for every entity
 * page; with this the client's code is only downloaded once the CircleCI tab
 * or a card actually makes a request.
 * @public
 */
export class LazyCircleCIClient implements CircleCIApi {
  private client?: Promise<CircleCIApi>;
  private readonly load: () => Promise<CircleCIApi>;

  /** Creates the client; nothing is loaded until the first request. */
  constructor(options: LazyCircleCIClientOptions) {
    this.load = options.load;
  }

  private get(): Promise<CircleCIApi> {
    if (!this.client) {
      this.client = this.load();
      // A failed chunk load (e.g. offline) may be retried on the next call.
      this.client.catch(() => {
        this.client = undefined;
      });
    }
    return this.client;
  }

  /** {@inheritDoc CircleCIApi.listPipelines} */
  async listPipelines(options: ListPipelinesOptions): Promise<Page<Pipeline>> {
    return (await this.get()).listPipelines(options);
  }
  /** {@inheritDoc CircleCIApi.findPipelinesByRevision} */
  async findPipelinesByRevision(
    options: FindPipelinesByRevisionOptions,
  ): Promise<PipelinesByRevision> {
    return (await this.get()).findPipelinesByRevision(options);
  }
  /** {@inheritDoc CircleCIApi.listMyPipelines} */
  async listMyPipelines(options: ListMyPipelinesOptions): Promise<Page<Pipeline>> {
    return (await this.get()).listMyPipelines(options);
  }
  /** {@inheritDoc CircleCIApi.getProject} */
  async getProject(options: GetProjectOptions): Promise<Project> {
    return (await this.get()).getProject(options);
  }
  /** {@inheritDoc CircleCIApi.getPipeline} */
  async getPipeline(options: GetPipelineOptions): Promise<Pipeline> {
    return (await this.get()).getPipeline(options);
  }
  /** {@inheritDoc CircleCIApi.listWorkflows} */
  async listWorkflows(options: ListWorkflowsOptions): Promise<Page<Workflow>> {
    return (await this.get()).listWorkflows(options);
  }
  /** {@inheritDoc CircleCIApi.getWorkflow} */
  async getWorkflow(options: GetWorkflowOptions): Promise<Workflow> {
    return (await this.get()).getWorkflow(options);
  }
  /** {@inheritDoc CircleCIApi.listJobs} */
  async listJobs(options: ListJobsOptions): Promise<Page<WorkflowJob>> {
    return (await this.get()).listJobs(options);
  }
  /** {@inheritDoc CircleCIApi.getJob} */
  async getJob(options: JobRef): Promise<JobDetails> {
    return (await this.get()).getJob(options);
  }
  /** {@inheritDoc CircleCIApi.listTests} */
  async listTests(options: ListTestsOptions): Promise<Page<TestResult>> {
    return (await this.get()).listTests(options);
  }
  /** {@inheritDoc CircleCIApi.listArtifacts} */
  async listArtifacts(options: JobRef): Promise<Page<Artifact>> {
    return (await this.get()).listArtifacts(options);
  }
  /** {@inheritDoc CircleCIApi.getJobSteps} */
  async getJobSteps(options: JobRef): Promise<JobSteps> {
    return (await this.get()).getJobSteps(options);
  }
  /** {@inheritDoc CircleCIApi.getStepOutput} */
  async getStepOutput(options: GetStepOutputOptions): Promise<string> {
    return (await this.get()).getStepOutput(options);
  }
  /** {@inheritDoc CircleCIApi.rerunWorkflow} */
  async rerunWorkflow(options: RerunWorkflowOptions): Promise<RerunWorkflowResult> {
    return (await this.get()).rerunWorkflow(options);
  }
  /** {@inheritDoc CircleCIApi.cancelWorkflow} */
  async cancelWorkflow(options: CancelWorkflowOptions): Promise<void> {
    return (await this.get()).cancelWorkflow(options);
  }
  /** {@inheritDoc CircleCIApi.approveJob} */
  async approveJob(options: ApproveJobOptions): Promise<void> {
    return (await this.get()).approveJob(options);
  }
  /** {@inheritDoc CircleCIApi.cancelJob} */
  async cancelJob(options: JobRef): Promise<void> {
    return (await this.get()).cancelJob(options);
  }
  /** {@inheritDoc CircleCIApi.triggerPipeline} */
  async triggerPipeline(options: TriggerPipelineOptions): Promise<TriggeredPipeline> {
    return (await this.get()).triggerPipeline(options);
  }
  /** {@inheritDoc CircleCIApi.listPipelineDefinitions} */
  async listPipelineDefinitions(
    options: ListPipelineDefinitionsOptions,
  ): Promise<PipelineDefinition[]> {
    return (await this.get()).listPipelineDefinitions(options);
  }
  /** {@inheritDoc CircleCIApi.runPipeline} */
  async runPipeline(options: RunPipelineOptions): Promise<TriggeredPipeline> {
    return (await this.get()).runPipeline(options);
  }
  /** {@inheritDoc InsightsApi.getWorkflowMetrics} */
  async getWorkflowMetrics(
    options: GetWorkflowMetricsOptions,
  ): Promise<Page<WorkflowMetrics>> {
    return (await this.get()).getWorkflowMetrics(options);
  }
  /** {@inheritDoc InsightsApi.listWorkflowRuns} */
  async listWorkflowRuns(
    options: ListWorkflowRunsOptions,
  ): Promise<Page<WorkflowRun>> {
    return (await this.get()).listWorkflowRuns(options);
  }
  /** {@inheritDoc InsightsApi.getWorkflowSummary} */
  async getWorkflowSummary(
    options: GetWorkflowSummaryOptions,
  ): Promise<WorkflowSummary> {
    return (await this.get()).getWorkflowSummary(options);
  }
  /** {@inheritDoc InsightsApi.getJobMetrics} */
  async getJobMetrics(options: GetJobMetricsOptions): Promise<JobMetrics[]> {
    return (await this.get()).getJobMetrics(options);
  }
  /** {@inheritDoc InsightsApi.getTestMetrics} */
  async getTestMetrics(options: GetTestMetricsOptions): Promise<TestMetrics> {
    return (await this.get()).getTestMetrics(options);
  }
  /** {@inheritDoc InsightsApi.listFlakyTests} */
  async listFlakyTests(options: ListFlakyTestsOptions): Promise<FlakyTests> {
    return (await this.get()).listFlakyTests(options);
  }
  /** {@inheritDoc InsightsApi.listInsightsBranches} */
  async listInsightsBranches(options: ListInsightsBranchesOptions): Promise<string[]> {
    return (await this.get()).listInsightsBranches(options);
  }
  /** {@inheritDoc CircleCIApi.getMe} */
  async getMe(options?: GetMeOptions): Promise<CurrentUser> {
    return (await this.get()).getMe(options);
  }
}
