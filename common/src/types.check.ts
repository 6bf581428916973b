/*
 * Compile-time proof that the plain response types in ./types and
 * ./insightsTypes are exactly the output of their zod schemas, so the two
 * cannot drift. Nothing imports this file: `tsc` checks it because it sits
 * under src/, and it emits no code. When a schema or a type changes without
 * the other, the matching line fails with "Type 'false' does not satisfy the
 * constraint 'true'".
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
} from './schemas';
import type {
  Artifact,
  CurrentUser,
  JobDetails,
  JobStep,
  JobSteps,
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
} from './types';
import type {
  DurationMetrics,
  FlakyTest,
  FlakyTests,
  JobMetrics,
  RunMetrics,
  TestMetric,
  TestMetrics,
  WorkflowMetrics,
  WorkflowRun,
  WorkflowRunMetrics,
  WorkflowSummary,
  WorkflowSummaryMetrics,
  WorkflowSummaryTrends,
} from './insightsTypes';

/**
 * `true` when A and B are the same type (same keys, same optionality, same
 * field types), `false` otherwise; stricter than two-way assignability.
 */
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when T is `true`. */
type Expect<T extends true> = T;

/** `true` when the plain type T is exactly the output of the schema S. */
type Mirrors<T, S extends z.ZodType> = Equals<T, z.output<S>>;

// Exported only so that `noUnusedLocals` accepts them; never imported.
export type PipelineErrorCheck = Expect<Mirrors<PipelineError, typeof pipelineErrorSchema>>;
export type PipelineTriggerCheck = Expect<Mirrors<PipelineTrigger, typeof pipelineTriggerSchema>>;
export type PipelineVcsCheck = Expect<Mirrors<PipelineVcs, typeof pipelineVcsSchema>>;
export type PipelineCheck = Expect<Mirrors<Pipeline, typeof pipelineSchema>>;
export type WorkflowCheck = Expect<Mirrors<Workflow, typeof workflowSchema>>;
export type WorkflowJobCheck = Expect<Mirrors<WorkflowJob, typeof workflowJobSchema>>;
export type JobDetailsCheck = Expect<Mirrors<JobDetails, typeof jobDetailsSchema>>;
export type TestResultCheck = Expect<Mirrors<TestResult, typeof testResultSchema>>;
export type ArtifactCheck = Expect<Mirrors<Artifact, typeof artifactSchema>>;
export type StepActionCheck = Expect<Mirrors<StepAction, typeof stepActionSchema>>;
export type JobStepCheck = Expect<Mirrors<JobStep, typeof jobStepSchema>>;
export type JobStepsCheck = Expect<Mirrors<JobSteps, typeof jobStepsSchema>>;
export type CurrentUserCheck = Expect<Mirrors<CurrentUser, typeof currentUserSchema>>;
export type ProjectCheck = Expect<Mirrors<Project, typeof projectSchema>>;
export type TriggeredPipelineCheck = Expect<
  Mirrors<TriggeredPipeline, typeof triggeredPipelineSchema>
>;
export type PipelineDefinitionCheck = Expect<
  Mirrors<PipelineDefinition, typeof pipelineDefinitionSchema>
>;

export type DurationMetricsCheck = Expect<Mirrors<DurationMetrics, typeof durationMetricsSchema>>;
export type RunMetricsCheck = Expect<
  Equals<RunMetrics, z.output<typeof jobMetricsSchema>['metrics']>
>;
export type WorkflowRunMetricsCheck = Expect<
  Equals<WorkflowRunMetrics, z.output<typeof workflowMetricsSchema>['metrics']>
>;
export type WorkflowMetricsCheck = Expect<Mirrors<WorkflowMetrics, typeof workflowMetricsSchema>>;
export type JobMetricsCheck = Expect<Mirrors<JobMetrics, typeof jobMetricsSchema>>;
export type WorkflowRunCheck = Expect<Mirrors<WorkflowRun, typeof workflowRunSchema>>;
export type WorkflowSummaryMetricsCheck = Expect<
  Equals<WorkflowSummaryMetrics, z.output<typeof workflowSummarySchema>['metrics']>
>;
export type WorkflowSummaryTrendsCheck = Expect<
  Equals<WorkflowSummaryTrends, z.output<typeof workflowSummarySchema>['trends']>
>;
export type WorkflowSummaryCheck = Expect<Mirrors<WorkflowSummary, typeof workflowSummarySchema>>;
export type TestMetricCheck = Expect<Mirrors<TestMetric, typeof testMetricSchema>>;
export type TestMetricsCheck = Expect<Mirrors<TestMetrics, typeof testMetricsSchema>>;
export type FlakyTestCheck = Expect<Mirrors<FlakyTest, typeof flakyTestSchema>>;
export type FlakyTestsCheck = Expect<Mirrors<FlakyTests, typeof flakyTestsSchema>>;
