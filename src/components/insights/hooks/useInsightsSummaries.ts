import type { WorkflowSummary } from '../../../common/insightsTypes';
import type { InsightsBranchScope } from '../../../domain/insights';
import { InsightsState, workflowSummaryQuery } from '../../../query/insightsQueries';
import { useCircleCIQueryClient } from '../../../query/useCircleCIQueryClient';
import { useInsightsWorkflowQueries } from './useInsightsWorkflowQueries';

/** Options of {@link useInsightsSummaries}. */
export interface UseInsightsSummariesOptions {
  /** The project's slug string. */
  slug: string;
  /** Which branches. */
  scope: InsightsBranchScope;
  /** The workflows shown. */
  workflowNames: readonly string[];
  /** False holds the requests back (the view asks after its first paint). */
  enabled: boolean;
}

/**
 * The summary of each workflow shown, for its trends against the previous
 * window (`.../workflows/{name}/summary`): one request per workflow, sent
 * once `enabled` (after the first paint's requests have answered).
 */
export function useInsightsSummaries(
  options: UseInsightsSummariesOptions,
): ReadonlyMap<string, InsightsState<WorkflowSummary>> {
  const { slug, scope, workflowNames, enabled } = options;
  const { api } = useCircleCIQueryClient();
  return useInsightsWorkflowQueries({
    workflowNames,
    enabled,
    query: workflowName => workflowSummaryQuery({ api, slug, scope, workflowName }),
  }).states;
}
