import type { WorkflowSummary } from '@circleci-backstage/plugin-circleci-common';
import type { InsightsBranchScope } from '../../../domain/insights';
import { workflowSummaryQuery } from '../../../query/insightsQueries';
import type { ResourceState } from '../../../query/useCircleCIQuery';
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
): ReadonlyMap<string, ResourceState<WorkflowSummary>> {
  const { slug, scope, workflowNames, enabled } = options;
  return useInsightsWorkflowQueries({
    workflowNames,
    enabled,
    query: context => workflowSummaryQuery({ ...context, slug, scope }),
  }).states;
}
