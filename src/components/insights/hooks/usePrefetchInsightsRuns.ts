import { useEffect } from 'react';
import type { ReportingWindow } from '@circleci-backstage/plugin-circleci-common';
import type { InsightsBranchScope } from '../../../domain/insights';
import type { WorkflowScope } from '../../../domain/workflowScope';
import { prefetchRunsWithMetrics } from '../../../query/insightsQueries';
import { useCircleCIQueryClient } from '../../../query/useCircleCIQueryClient';

/** Options of {@link usePrefetchInsightsRuns}. */
export interface UsePrefetchInsightsRunsOptions {
  /** The project's slug string. */
  slug: string;
  /** Which branches. */
  scope: InsightsBranchScope;
  /** The reporting window of the metrics shown. */
  reportingWindow: ReportingWindow;
  /** The component's workflows (`circleci.com/workflows`): others get no chart. */
  workflowScope?: WorkflowScope;
}

/**
 * Sends each workflow's chart request (its recent runs) the moment the
 * workflow metrics arrive, instead of after the metrics table has
 * rendered: the second round trip of the view's first paint starts one
 * render earlier. The requests are the very queries `useInsightsRuns`
 * observes (same keys, same gate), so nothing is sent twice.
 */
export function usePrefetchInsightsRuns(options: UsePrefetchInsightsRunsOptions): void {
  const { slug, scope, reportingWindow, workflowScope } = options;
  const { api, queryClient } = useCircleCIQueryClient();
  useEffect(
    () => prefetchRunsWithMetrics({ api, queryClient, slug, scope, reportingWindow, workflowScope }),
    [api, queryClient, slug, scope, reportingWindow, workflowScope],
  );
}
