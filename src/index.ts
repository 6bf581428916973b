/**
 * A Backstage plugin that shows CircleCI pipelines, workflows and jobs for
 * catalog entities, built on CircleCI API v2 through the Backstage proxy.
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
export type { LatestPipelineCardProps } from './components/cards/LatestPipelineCard';
export type { RecentPipelinesCardProps } from './components/cards/RecentPipelinesCard';
export type { InsightsCardProps } from './components/cards/InsightsCard';
export { CIRCLECI_ANNOTATION } from './constants';
export { Router } from './Router';
export { circleCIApiRef } from './api/CircleCIApi';
export type {
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
  RevisionSearchProgress,
  RevisionSearchStop,
  RunPipelineOptions,
  TriggerPipelineOptions,
} from './api/CircleCIApi';
export type {
  GetJobMetricsOptions,
  GetTestMetricsOptions,
  GetWorkflowMetricsOptions,
  GetWorkflowSummaryOptions,
  InsightsApi,
  InsightsScope,
  ListFlakyTestsOptions,
  ListInsightsBranchesOptions,
  ListWorkflowRunsOptions,
} from './api/insightsOptions';
export type * from './common/insightsTypes';
export { CircleCIClient } from './api/CircleCIClient';
export { LazyCircleCIClient } from './api/LazyCircleCIClient';
export type { LazyCircleCIClientOptions } from './api/LazyCircleCIClient';
export type { CircleCIClientOptions } from './api/CircleCIClient';
export type { RetryPolicy } from './api/retry';
export {
  InvalidProjectSlugError,
  parseProjectSlug,
  parseProjectSlugs,
} from './common/slug';
export type { ProjectSlug, ProjectSlugProvider } from './common/slug';
export {
  MalformedResponseError,
  LegacyProxyTargetError,
  RequestTimeoutError,
} from './common/errors';
export { describeError } from './domain/errors';
export type {
  CircleCIErrorDescription,
  CircleCIErrorKind,
  DescribeErrorOptions,
} from './domain/errors';
export type { CircleCITranslate, TranslateParams } from './domain/messages';
export { normalizeStatus, derivePipelineStatus } from './domain/status';
export type { CircleCIStatus } from './domain/status';
export type * from './common/types';
// Type-only: the types above are their output, and the schemas themselves
// load with the client, not with the entity page.
export type {
  artifactSchema,
  currentUserSchema,
  jobDetailsSchema,
  jobStepSchema,
  jobStepsSchema,
  pipelineDefinitionSchema,
  pipelineErrorSchema,
  pipelineSchema,
  pipelineTriggerSchema,
  pipelineVcsSchema,
  projectSchema,
  stepActionSchema,
  testResultSchema,
  triggeredPipelineSchema,
  workflowJobSchema,
  workflowSchema,
  durationMetricsSchema,
  flakyTestSchema,
  flakyTestsSchema,
  jobMetricsSchema,
  testMetricSchema,
  testMetricsSchema,
  workflowMetricsSchema,
  workflowRunSchema,
  workflowSummarySchema,
} from './common/schemas';
export { CircleCICommitStatus } from './components/commits/CircleCICommitStatus';
export type { CircleCICommitStatusProps } from './components/commits/CircleCICommitStatus';
export { useCircleCICommitStatus } from './components/commits/hooks/useCircleCICommitStatus';
export type {
  CircleCICommitStatusOptions,
  CircleCICommitStatusState,
} from './components/commits/hooks/useCircleCICommitStatus';
export { StatusLabel } from './components/shared/StatusLabel';
export type { StatusLabelProps } from './components/shared/StatusLabel';
