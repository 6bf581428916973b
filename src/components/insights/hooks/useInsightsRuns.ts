import type { ReportingWindow, WorkflowRun } from '@circleci-backstage/plugin-circleci-common';
import type { InsightsBranchScope } from '../../../domain/insights';
import { workflowRunsQuery } from '../../../query/insightsQueries';
import type { ResourceState } from '../../../query/useCircleCIQuery';
import { useInsightsWorkflowQueries } from './useInsightsWorkflowQueries';

/** Options of {@link useInsightsRuns}. */
export interface UseInsightsRunsOptions {
  /** The project's slug string. */
  slug: string;
  /** Which branches. */
  scope: InsightsBranchScope;
  /** The workflows shown. */
  workflowNames: readonly string[];
  /** The reporting window: the charts show its runs only. */
  reportingWindow: ReportingWindow;
}

/**
 * The recent runs of each workflow shown, for its chart
 * (`GET v2/insights/{slug}/workflows/{name}`, first page): part of the
 * view's first paint, one request per workflow through the insights gate
 * (the workflow requests' concurrency cap).
 */
export function useInsightsRuns(options: UseInsightsRunsOptions): {
  runs: ReadonlyMap<string, ResourceState<WorkflowRun[]>>;
  settled: boolean;
} {
  const { slug, scope, workflowNames, reportingWindow } = options;
  const { states, settled } = useInsightsWorkflowQueries({
    workflowNames,
    query: context => workflowRunsQuery({ ...context, slug, scope, reportingWindow }),
  });
  return { runs: states, settled };
}
