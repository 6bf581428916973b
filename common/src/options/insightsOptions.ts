/*
 * The options of the Insights methods of `CircleCIApi`, and the part
 * of the API interface they form.
 */
import type { ProjectSlug } from '../slug';
import type { RequestOptions } from './requestOptions';
import type { ReportingWindow } from '../insightsTypes';

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
 * Options of `CircleCIApi.getWorkflowMetrics`.
 * @public
 */
export interface GetWorkflowMetricsOptions extends InsightsScope {
  /** The window; CircleCI's default is `last-90-days`. */
  reportingWindow?: ReportingWindow;
  /** The `nextPageToken` of the previous page; none for the first page. */
  pageToken?: string;
}

/**
 * Options of `CircleCIApi.listWorkflowRuns`.
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
 * Options of `CircleCIApi.getWorkflowSummary`.
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
 * Options of `CircleCIApi.getJobMetrics`.
 * @public
 */
export interface GetJobMetricsOptions extends InsightsScope {
  /** The workflow's name. */
  workflowName: string;
  /** The window; CircleCI's default is `last-90-days`. */
  reportingWindow?: ReportingWindow;
}

/**
 * Options of `CircleCIApi.getTestMetrics`.
 * @public
 */
export interface GetTestMetricsOptions extends InsightsScope {
  /** The workflow's name. */
  workflowName: string;
}

/**
 * Options of `CircleCIApi.listFlakyTests`.
 * @public
 */
export interface ListFlakyTestsOptions extends RequestOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
}

/**
 * Options of `CircleCIApi.listInsightsBranches`.
 * @public
 */
export interface ListInsightsBranchesOptions extends RequestOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
  /** Only the branches this workflow ran on. */
  workflowName?: string;
}

