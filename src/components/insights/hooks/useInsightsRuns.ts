import type { ReportingWindow } from '@circleci-backstage/plugin-circleci-common';
import type { InsightsBranchScope } from '../../../domain/insights';
import { type ChartRuns, workflowRunsQuery } from '../../../query/insightsQueries';
import type { ResourceState } from '../../../query/useCircleCIQuery';
import { useInsightsWorkflowQueries } from './useInsightsWorkflowQueries';

/** Options of {@link useInsightsRuns}. */
export interface UseInsightsRunsOptions {
  /** The project's slug string. */
  slug: string;
  /** Which branches. */
  scope: InsightsBranchScope;
  /** The workflows charted (see `useChartedWorkflows`). */
  workflowNames: readonly string[];
  /** The reporting window: the charts show its runs only. */
  reportingWindow: ReportingWindow;
}

/**
 * The runs of each charted workflow in the window, for its chart
 * (`GET v2/insights/{slug}/workflows/{name}`, every page up to the
 * endpoint's cap): part of the view's first paint, through the insights
 * gate (the workflow requests' concurrency cap).
 */
export function useInsightsRuns(options: UseInsightsRunsOptions): {
  runs: ReadonlyMap<string, ResourceState<ChartRuns>>;
  settled: boolean;
} {
  const { slug, scope, workflowNames, reportingWindow } = options;
  const { states, settled } = useInsightsWorkflowQueries({
    workflowNames,
    query: context => workflowRunsQuery({ ...context, slug, scope, reportingWindow }),
  });
  return { runs: states, settled };
}
