/*
 * The types of the Insights API's answers: the output of the schemas in
 * ./schemas/insights (which document the fields). Every figure is optional.
 */
import type { z } from 'zod';
import type {
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

/**
 * Duration percentiles of a workflow or job, in seconds.
 * @public
 */
export type DurationMetrics = z.output<typeof durationMetricsSchema>;
/**
 * The metrics of one workflow in a reporting window.
 * @public
 */
export type WorkflowMetrics = z.output<typeof workflowMetricsSchema>;
/**
 * The metrics of one job of a workflow in a reporting window.
 * @public
 */
export type JobMetrics = z.output<typeof jobMetricsSchema>;
/**
 * One recent run of a workflow, as Insights lists it.
 * @public
 */
export type WorkflowRun = z.output<typeof workflowRunSchema>;
/**
 * A workflow's summary with its trends against the previous window.
 * @public
 */
export type WorkflowSummary = z.output<typeof workflowSummarySchema>;
/**
 * One flaky test.
 * @public
 */
export type FlakyTest = z.output<typeof flakyTestSchema>;
/**
 * The flaky tests of a project.
 * @public
 */
export type FlakyTests = z.output<typeof flakyTestsSchema>;
/**
 * One test in a workflow's test metrics.
 * @public
 */
export type TestMetric = z.output<typeof testMetricSchema>;
/**
 * A workflow's test metrics: the most failed and the slowest tests.
 * @public
 */
export type TestMetrics = z.output<typeof testMetricsSchema>;

/**
 * An Insights reporting window.
 * @public
 */
export type ReportingWindow =
  | 'last-24-hours'
  | 'last-7-days'
  | 'last-30-days'
  | 'last-60-days'
  | 'last-90-days';
