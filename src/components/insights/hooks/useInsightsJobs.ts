import type { JobMetrics, ReportingWindow } from '@circleci-backstage/plugin-circleci-common';
import type { InsightsBranchScope } from '../../../domain/insights';
import { jobMetricsQuery } from '../../../query/insightsQueries';
import { type ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';

/** Options of {@link useInsightsJobs}. */
export interface UseInsightsJobsOptions {
  /** The project's slug string. */
  slug: string;
  /** Which branches. */
  scope: InsightsBranchScope;
  /** The workflow. */
  workflowName: string;
  /** The reporting window. */
  reportingWindow: ReportingWindow;
}

/**
 * The per-job metrics of a workflow (`.../workflows/{name}/jobs`), read
 * when the view shows them (on demand). Cached, never polled.
 */
export function useInsightsJobs(options: UseInsightsJobsOptions): ResourceState<JobMetrics[]> {
  return useCircleCIQuery({ query: ({ api }) => jobMetricsQuery({ api, ...options }) });
}
