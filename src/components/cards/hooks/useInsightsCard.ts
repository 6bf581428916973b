import { useCallback, useMemo } from 'react';
import type { ReportingWindow, WorkflowMetrics, WorkflowSummary } from '@circleci-backstage/plugin-circleci-common';
import type { InsightsBranchScope } from '../../../domain/insights';
import { cardWorkflows, configuredWorkflowNames } from '../../../domain/insightsCard';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { insightsKey } from '../../../query/keys';
import { useCircleCIQueryClient } from '../../../query/useCircleCIQueryClient';
import { useInsightsFlakyTests } from '../../insights/hooks/useInsightsFlakyTests';
import { useInsightsSummaries } from '../../insights/hooks/useInsightsSummaries';
import { useInsightsWorkflows } from '../../insights/hooks/useInsightsWorkflows';
import { useWorkflowScope } from '../../../hooks/useWorkflowScope';

/** Options of {@link useInsightsCard}. */
export interface UseInsightsCardOptions {
  /** The project. */
  projectSlug: ProjectSlug;
  /** The reporting window of the figures. */
  reportingWindow: ReportingWindow;
  /** One branch; the project's default branch when undefined. */
  branch?: string;
  /** The workflows to show, in order; the busiest ones when undefined or empty. */
  workflows?: readonly string[];
}

/** One workflow of the card. */
export interface InsightsCardRow {
  /** The workflow's name. */
  name: string;
  /** Its metrics in the window; undefined when CircleCI has none for it. */
  metrics?: WorkflowMetrics['metrics'];
  /** Its summary, with the trends against the previous period; undefined until read or when it failed. */
  summary?: WorkflowSummary;
  /** True while the summary loads. */
  summaryLoading: boolean;
}

/** What {@link useInsightsCard} returns. */
export interface InsightsCardState {
  /** The workflows shown (empty while loading or when there are none). */
  rows: InsightsCardRow[];
  /** How many workflows the cap leaves out. */
  hidden: number;
  /** The project's flaky tests; undefined while loading or when unreadable. */
  flakyTests?: number;
  /** True while the flaky tests load. */
  flakyLoading: boolean;
  /** Why the workflow metrics could not be read (the card then shows nothing else). */
  error?: Error;
  /** True while the workflow metrics load. */
  loading: boolean;
  /** True once the window is known to have no finished run of any workflow shown. */
  empty: boolean;
  /** Reads the workflow metrics again. */
  retry: () => void;
}

/**
 * The insights card's figures for one project: per project 1 request for
 * the workflow metrics of the window, 1 for the flaky tests and 1 summary
 * (trends) per workflow shown. With `workflows` configured all go out at
 * once (1 round trip); otherwise the summaries follow the metrics (2).
 * Shares the view's queries: cached for `INSIGHTS_FRESH_MS`, never polled.
 */
export function useInsightsCard(options: UseInsightsCardOptions): InsightsCardState {
  const { projectSlug, reportingWindow, branch } = options;
  const slug = projectSlug.slug;
  const { queryClient } = useCircleCIQueryClient();
  const annotation = useWorkflowScope();
  const scope = useMemo<InsightsBranchScope>(
    () => (branch ? { kind: 'branch', branch } : { kind: 'default' }),
    [branch],
  );
  const workflowsKey = JSON.stringify(options.workflows ?? []);
  const configured = useMemo(
    () => configuredWorkflowNames(JSON.parse(workflowsKey) as string[]),
    [workflowsKey],
  );
  const metrics = useInsightsWorkflows({
    slug,
    scope,
    reportingWindow,
    workflowScope: annotation.state === 'ok' ? annotation.scope : undefined,
  });
  const picked = useMemo(
    () => (metrics.value || configured ? cardWorkflows({ metrics: metrics.value, names: configured }) : undefined),
    [metrics.value, configured],
  );
  const names = useMemo(() => picked?.names ?? [], [picked]);
  const summaries = useInsightsSummaries({
    slug,
    scope,
    workflowNames: names,
    enabled: configured !== undefined || metrics.value !== undefined,
  });
  const flaky = useInsightsFlakyTests({ slug, enabled: true });
  const rows = useMemo(
    () =>
      metrics.value
        ? names.map(name => {
            const summary = summaries.get(name);
            return {
              name,
              metrics: picked?.metrics.get(name)?.metrics,
              summary: summary?.value,
              summaryLoading: summary?.loading ?? false,
            };
          })
        : [],
    [metrics.value, names, picked, summaries],
  );
  const retry = useCallback(() => {
    queryClient.refetchQueries({ queryKey: insightsKey({ kind: 'workflows', slug }) }).catch(() => undefined);
  }, [queryClient, slug]);
  const flakyValue = flaky.value;
  const flakyCount = flakyValue?.['total-flaky-tests'] ?? flakyValue?.['flaky-tests']?.length;
  return {
    rows,
    hidden: picked?.hidden ?? 0,
    flakyTests: typeof flakyCount === 'number' && Number.isFinite(flakyCount) ? flakyCount : undefined,
    flakyLoading: flaky.loading,
    error: metrics.error,
    loading: !metrics.error && metrics.value === undefined,
    empty: metrics.value !== undefined && !rows.some(r => (r.metrics?.total_runs ?? 0) > 0),
    retry,
  };
}
