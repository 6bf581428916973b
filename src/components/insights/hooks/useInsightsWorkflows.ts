import { useMemo } from 'react';
import type { ReportingWindow, WorkflowMetrics } from '@circleci-backstage/plugin-circleci-common';
import type { InsightsBranchScope } from '../../../domain/insights';
import type { WorkflowScope } from '../../../domain/workflowScope';
import { workflowMetricsQuery } from '../../../query/insightsQueries';
import { type ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';

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
export function useInsightsWorkflows(options: UseInsightsWorkflowsOptions): ResourceState<WorkflowMetrics[]> {
  const { slug, scope, reportingWindow, workflowScope } = options;
  const state = useCircleCIQuery({
    query: ({ api }) => workflowMetricsQuery({ api, slug, scope, reportingWindow }),
  });
  const all = state.value;
  const value = useMemo(
    () => (all && workflowScope ? all.filter(w => workflowScope.test(w.name)) : all),
    [all, workflowScope],
  );
  return { ...state, value };
}
