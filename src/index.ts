/**
 * A Backstage plugin that shows CircleCI pipelines, workflows and jobs for
 * catalog entities, built on CircleCI API v2 through the Backstage proxy.
 * Everything an app or another plugin uses is exported here; the new
 * frontend system's extensions are in `/alpha`.
 *
 * @packageDocumentation
 */
export {
  circleCIPlugin,
  plugin,
  EntityCircleCIContent,
  EntityLatestCircleCIPipelineCard,
  EntityRecentCircleCIPipelinesCard,
  EntityCircleCIInsightsCard,
  isCircleCIAvailable,
  isPluginApplicableToEntity,
} from './plugin';
export { circleCIRouteRef } from './routes';
export type { EntityCircleCIContentProps } from './components/tab/TabRoutes';
export {
  circleCIPipelineColumns,
  defaultCircleCIPipelineColumns,
} from './components/pipelines/PipelinesTable';
export type {
  CircleCIPipelineColumn,
  CircleCIPipelineColumnFactories,
  CircleCIPipelineRow,
} from './components/pipelines/PipelinesTable';
export type { LatestPipelineCardProps } from './components/cards/LatestPipelineCard';
export type { RecentPipelinesCardProps } from './components/cards/RecentPipelinesCard';
export type { InsightsCardProps } from './components/cards/InsightsCard';
export { CIRCLECI_ANNOTATION } from './constants';
export { Router } from './Router';
export { circleCIApiRef } from './api/CircleCIApi';
export type { CircleCIApi } from './api/CircleCIApi';
export { CircleCIClient } from './api/CircleCIClient';
export type { CircleCIClientOptions } from './api/CircleCIClient';
export type { PipelineWithWorkflows, PipelinesWithWorkflowsPage } from './api/pipelinesWithWorkflows';
export type { ProbeSignalsOptions } from './api/signalProbe';
export type {
  JobRef,
  RequestOptions,
  GetMeOptions,
  GetPipelineOptions,
  GetProjectOptions,
  GetStepOutputOptions,
  GetWorkflowOptions,
  ListJobsOptions,
  ListMyPipelinesOptions,
  ListPipelinesOptions,
  ListTestsOptions,
  ListWorkflowsOptions,
} from '@circleci-backstage/plugin-circleci-common';
export type {
  ActionEntityOptions,
  ApproveJobOptions,
  CancelJobOptions,
  CancelWorkflowOptions,
  ListPipelineDefinitionsOptions,
  RerunWorkflowOptions,
  RerunWorkflowResult,
  RunPipelineOptions,
  TriggerPipelineOptions,
} from '@circleci-backstage/plugin-circleci-common';
export type {
  GetJobMetricsOptions,
  GetTestMetricsOptions,
  GetWorkflowMetricsOptions,
  GetWorkflowSummaryOptions,
  InsightsScope,
  ListFlakyTestsOptions,
  ListInsightsBranchesOptions,
  ListWorkflowRunsOptions,
} from '@circleci-backstage/plugin-circleci-common';
export type {
  FindPipelinesByRevisionOptions,
  PipelinesByRevision,
  RevisionSearchProgress,
  RevisionSearchStop,
} from '@circleci-backstage/plugin-circleci-common';
export type {
  Artifact,
  CurrentUser,
  JobDetails,
  JobProject,
  JobStep,
  JobSteps,
  KnownJobStatus,
  KnownWorkflowStatus,
  Page,
  Pipeline,
  PipelineDefinition,
  PipelineError,
  PipelineTrigger,
  PipelineVcs,
  Project,
  StepAction,
  TestResult,
  TriggeredPipeline,
  Workflow,
  WorkflowJob,
} from '@circleci-backstage/plugin-circleci-common';
export type {
  DurationMetrics,
  FlakyTest,
  FlakyTests,
  JobMetrics,
  ReportingWindow,
  RunMetrics,
  TestMetric,
  TestMetrics,
  WorkflowMetrics,
  WorkflowRun,
  WorkflowRunMetrics,
  WorkflowSummary,
  WorkflowSummaryMetrics,
  WorkflowSummaryTrends,
} from '@circleci-backstage/plugin-circleci-common';
export type { ProjectSlug, ProjectSlugProvider, InvalidProjectSlugReason } from '@circleci-backstage/plugin-circleci-common';
export { InvalidProjectSlugError } from '@circleci-backstage/plugin-circleci-common';
export {
  BackendPluginMissingError,
  InvalidCommitError,
  LegacyProxyTargetError,
  MalformedResponseError,
  MissingProjectError,
  RequestTimeoutError,
} from '@circleci-backstage/plugin-circleci-common';
export type { MalformedResponseReason } from '@circleci-backstage/plugin-circleci-common';
export type { CircleCIMessage, CircleCIMessageKey, CircleCIMessageValue } from './domain/messages';
export { describeError } from './domain/errors';
export type {
  CircleCIErrorDescription,
  CircleCIErrorKind,
  DescribeErrorOptions,
} from './domain/errors';
export type { CircleCIStatus } from './domain/status';
export { CircleCICommitStatus } from './components/commits/CircleCICommitStatus';
export type { CircleCICommitStatusProps } from './components/commits/CircleCICommitStatus';
export { useCircleCICommitStatus } from './components/commits/hooks/useCircleCICommitStatus';
export type {
  CircleCICommitStatusOptions,
  CircleCICommitStatusState,
} from './components/commits/hooks/useCircleCICommitStatus';
export { StatusLabel } from './components/shared/StatusLabel';
export type { StatusLabelProps } from './components/shared/StatusLabel';
export { circleCITranslationRef } from './translation';
