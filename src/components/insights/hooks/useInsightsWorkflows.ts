import { useQuery } from '@tanstack/react-query';
import type { ReportingWindow, WorkflowMetrics } from '../../../common/insightsTypes';
import type { InsightsBranchScope } from '../../../domain/insights';
import type { WorkflowScope } from '../../../domain/workflowScope';
import { InsightsState, insightsState, workflowMetricsQuery } from '../../../query/insightsQueries';
import { useCircleCIQueryClient } from '../../../query/useCircleCIQueryClient';

/** Options of {@link useInsightsWorkflows}. */
export interface UseInsightsWorkflowsOptions {
  /** The project's slug string. */
  slug: string;
  /** Which branches. */
  scope: InsightsBranchScope;
  /** The reporting window. */
  reportingWindow: ReportingWindow;
  /** The component's workflows (`circleci.com/workflows`): others are left out. */
  workflowScope?: WorkflowScope;
}

/**
 * A project's per-workflow metrics (`GET v2/insights/{slug}/workflows`):
 * the one request of the view's first paint per project. Cached, never
 * polled (see `insightsQueries.ts`).
 */
export function useInsightsWorkflows(options: UseInsightsWorkflowsOptions): InsightsState<WorkflowMetrics[]> {
  const { slug, scope, reportingWindow, workflowScope } = options;
  const { api, queryClient } = useCircleCIQueryClient();
  const result = useQuery(workflowMetricsQuery({ api, slug, scope, reportingWindow }), queryClient);
  const state = insightsState(result);
  if (!state.value || !workflowScope) return state;
  return { ...state, value: state.value.filter(w => workflowScope.test(w.name)) };
}
