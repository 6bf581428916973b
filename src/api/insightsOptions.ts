/*
 * The options of the Insights methods of {@link CircleCIApi}, and the part
 * of the API interface they form.
 */
import type { ProjectSlug } from '../common/slug';
import type { RequestOptions } from './CircleCIApi';
import type {
  FlakyTests,
  JobMetrics,
  ReportingWindow,
  TestMetrics,
  WorkflowMetrics,
  WorkflowRun,
  WorkflowSummary,
} from '../common/insightsTypes';
import type { Page } from '../common/types';

/**
 * What every Insights request names: a project, and a branch or all
 * branches (neither: the project's default branch).
 * @public
 */
export interface InsightsScope extends RequestOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
  /** Only this branch. */
  branch?: string;
  /** All branches combined (then `branch` is not sent). */
  allBranches?: boolean;
}

/**
 * Options of {@link InsightsApi.getWorkflowMetrics}.
 * @public
 */
export interface GetWorkflowMetricsOptions extends InsightsScope {
  /** The window; CircleCI's default is `last-90-days`. */
  reportingWindow?: ReportingWindow;
  /** The `nextPageToken` of the previous page; none for the first page. */
  pageToken?: string;
}

/**
 * Options of {@link InsightsApi.listWorkflowRuns}.
 * @public
 */
export interface ListWorkflowRunsOptions extends InsightsScope {
  /** The workflow's name (any characters; sent URL-encoded as one path segment). */
  workflowName: string;
  /** Only runs created at or after this ISO time. */
  startDate?: string;
  /** Only runs created before this ISO time. */
  endDate?: string;
  /** The `nextPageToken` of the previous page; none for the first page. */
  pageToken?: string;
}

/**
 * Options of {@link InsightsApi.getWorkflowSummary}.
 * @public
 */
export interface GetWorkflowSummaryOptions extends RequestOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
  /** The workflow's name. */
  workflowName: string;
  /**
   * The branches to summarise. The spec's `branch` parameter takes one, so
   * only the first is sent; none: the default branch.
   */
  branches?: string[];
  /** All branches combined. */
  allBranches?: boolean;
}

/**
 * Options of {@link InsightsApi.getJobMetrics}.
 * @public
 */
export interface GetJobMetricsOptions extends InsightsScope {
  /** The workflow's name. */
  workflowName: string;
  /** The window; CircleCI's default is `last-90-days`. */
  reportingWindow?: ReportingWindow;
}

/**
 * Options of {@link InsightsApi.getTestMetrics}.
 * @public
 */
export interface GetTestMetricsOptions extends InsightsScope {
  /** The workflow's name. */
  workflowName: string;
}

/**
 * Options of {@link InsightsApi.listFlakyTests}.
 * @public
 */
export interface ListFlakyTestsOptions extends RequestOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
}

/**
 * Options of {@link InsightsApi.listInsightsBranches}.
 * @public
 */
export interface ListInsightsBranchesOptions extends RequestOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
  /** Only the branches this workflow ran on. */
  workflowName?: string;
}

/**
 * The Insights part of {@link CircleCIApi}: figures CircleCI computes on a
 * schedule (not live), so callers cache them and never poll. 403 and 404
 * mean the token's user cannot see the project's insights.
 * @public
 */
export interface InsightsApi {
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
