import { useQuery } from '@tanstack/react-query';
import type { JobMetrics, ReportingWindow } from '../../../common/insightsTypes';
import type { InsightsBranchScope } from '../../../domain/insights';
import { InsightsState, insightsState, jobMetricsQuery } from '../../../query/insightsQueries';
import { useCircleCIQueryClient } from '../../../query/useCircleCIQueryClient';

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
export function useInsightsJobs(options: UseInsightsJobsOptions): InsightsState<JobMetrics[]> {
  const { api, queryClient } = useCircleCIQueryClient();
  return insightsState(useQuery(jobMetricsQuery({ api, ...options }), queryClient));
}
