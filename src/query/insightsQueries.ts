/*
 * The queries behind the Insights view and card. CircleCI computes
 * insights on a schedule, not live, so every insights query is cached for
 * {@link INSIGHTS_FRESH_MS} (a view opened again within it sends nothing)
 * and never polled: no `refetchInterval`, no refetch on focus or
 * reconnect. The chart requests (one per workflow) pass through a gate
 * with the workflow requests' cap ({@link WORKFLOW_CONCURRENCY}).
 *
 * Every factory returns a query of the plugin (see `defineQuery.ts`), read
 * through `useCircleCIQuery` or `useCircleCIQueries`; the key names the
 * project, the branch scope and the window, so a different branch or
 * window is another request and switching back is served from the cache.
 */
import { hashKey, type QueryClient } from '@tanstack/react-query';
import type { CircleCIApi } from '../api/CircleCIApi';
import type {
  FlakyTests,
  JobMetrics,
  ReportingWindow,
  TestMetrics,
  WorkflowMetrics,
  WorkflowRun,
  WorkflowSummary,
} from '@circleci-backstage/plugin-circleci-common';
import { collectPages } from '../api/pages';
import { type InsightsBranchScope, windowStart } from '../domain/insights';
import { initialCharts } from '../domain/insightsCharts';
import type { WorkflowScope } from '../domain/workflowScope';
import { type CircleCIQueryOptions, defineQuery } from './defineQuery';
import { insightsKey } from './keys';
import { WORKFLOW_METRIC_PAGES, WORKFLOW_RUN_PAGES } from './pageCaps';
import { gateOf, type RequestGate } from './requestGate';
import { WORKFLOW_CONCURRENCY } from './workflowQueries';

export type { InsightsBranchScope } from '../domain/insights';

/** How long an insights answer is served without a request: 10 minutes. */
export const INSIGHTS_FRESH_MS = 10 * 60_000;

/** The client's `branch` / `allBranches` options for a scope. */
export function branchParams(scope: InsightsBranchScope): { branch?: string; allBranches?: boolean } {
  if (scope.kind === 'all') return { allBranches: true };
  if (scope.kind === 'branch') return { branch: scope.branch };
  return {};
}

/** The gate of the chart requests of `queryClient`. */
function insightsGate(queryClient: QueryClient): RequestGate {
  return gateOf({ owner: queryClient, name: 'insights', concurrency: WORKFLOW_CONCURRENCY });
}

type Options<T> = CircleCIQueryOptions<T>;

const NEVER_POLLED = {
  staleTime: INSIGHTS_FRESH_MS,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
  refetchOnMount: true,
} as const;

/** What names a project's insights for a branch scope. */
export interface InsightsQueryBase {
  /** The app's CircleCI API. */
  api: CircleCIApi;
  /** The project's slug string. */
  slug: string;
  /** Which branches; default: the project's default branch. */
  scope?: InsightsBranchScope;
}

/** Options of {@link workflowMetricsQuery} and {@link jobMetricsQuery}. */
export interface WindowedQueryOptions extends InsightsQueryBase {
  /** The reporting window. */
  reportingWindow: ReportingWindow;
}

/** A project's per-workflow metrics (every page, within a bound). */
export function workflowMetricsQuery(options: WindowedQueryOptions): Options<WorkflowMetrics[]> {
  const { api, slug, scope = { kind: 'default' }, reportingWindow } = options;
  return defineQuery({
    ...NEVER_POLLED,
    queryKey: insightsKey({ kind: 'workflows', slug, scope, reportingWindow }),
    load: async ({ signal }) =>
      (
        await collectPages({
          max: WORKFLOW_METRIC_PAGES,
          load: pageToken =>
            api.getWorkflowMetrics({
              projectSlug: slug,
              ...branchParams(scope),
              reportingWindow,
              pageToken,
              signal,
            }),
        })
      ).items,
  });
}

/** Options of the queries that name one workflow. */
export interface WorkflowQueryOptions extends InsightsQueryBase {
  /** The workflow's name. */
  workflowName: string;
}

/**
 * The runs of a workflow in a window, for its chart: every page, up to
 * {@link WORKFLOW_RUN_PAGES}; `truncated` when the window has more.
 */
export interface ChartRuns {
  /** The runs read, newest first as Insights lists them. */
  items: WorkflowRun[];
  /** True when the bound of pages was reached and more runs were left unread. */
  truncated: boolean;
}

/**
 * A workflow's runs for its chart: every page of the window, at most
 * {@link WORKFLOW_RUN_PAGES} (the endpoint table's cap), sent through
 * {@link insightsGate} (one slot for the whole walk).
 */
export function workflowRunsQuery(
  options: WorkflowQueryOptions & {
    queryClient: QueryClient;
    /** Only the runs of this window (sent as `start-date`); none: CircleCI's default (90 days). */
    reportingWindow?: ReportingWindow;
  },
): Options<ChartRuns> {
  const { api, slug, scope = { kind: 'default' }, workflowName, queryClient, reportingWindow } = options;
  return defineQuery({
    ...NEVER_POLLED,
    queryKey: insightsKey({ kind: 'runs', slug, scope, workflowName, reportingWindow: reportingWindow ?? 'default' }),
    load: async ({ signal }) => {
      const startDate = reportingWindow ? windowStart({ reportingWindow, now: Date.now() }) : undefined;
      const { items, truncated } = await insightsGate(queryClient).run({
        signal,
        send: () =>
          collectPages({
            max: WORKFLOW_RUN_PAGES,
            load: pageToken =>
              api.listWorkflowRuns({
                projectSlug: slug,
                workflowName,
                ...branchParams(scope),
                startDate,
                pageToken,
                signal,
              }),
          }),
      });
      return { items, truncated };
    },
  });
}

/** A workflow's summary and its trends against the previous window. */
export function workflowSummaryQuery(options: WorkflowQueryOptions): Options<WorkflowSummary> {
  const { api, slug, scope = { kind: 'default' }, workflowName } = options;
  const { branch, allBranches } = branchParams(scope);
  return defineQuery({
    ...NEVER_POLLED,
    queryKey: insightsKey({ kind: 'summary', slug, scope, workflowName }),
    load: ({ signal }) =>
      api.getWorkflowSummary({
        projectSlug: slug,
        workflowName,
        branches: branch === undefined ? undefined : [branch],
        allBranches,
        signal,
      }),
  });
}

/** A workflow's per-job metrics. */
export function jobMetricsQuery(
  options: WorkflowQueryOptions & { reportingWindow: ReportingWindow },
): Options<JobMetrics[]> {
  const { api, slug, scope = { kind: 'default' }, workflowName, reportingWindow } = options;
  return defineQuery({
    ...NEVER_POLLED,
    queryKey: insightsKey({ kind: 'jobs', slug, scope, workflowName, reportingWindow }),
    load: ({ signal }) =>
      api.getJobMetrics({
        projectSlug: slug,
        workflowName,
        ...branchParams(scope),
        reportingWindow,
        signal,
      }),
  });
}

/** A workflow's most failed and slowest tests. */
export function testMetricsQuery(options: WorkflowQueryOptions): Options<TestMetrics> {
  const { api, slug, scope = { kind: 'default' }, workflowName } = options;
  return defineQuery({
    ...NEVER_POLLED,
    queryKey: insightsKey({ kind: 'tests', slug, scope, workflowName }),
    load: ({ signal }) =>
      api.getTestMetrics({ projectSlug: slug, workflowName, ...branchParams(scope), signal }),
  });
}

/** A project's flaky tests (all branches; the endpoint takes no branch). */
export function flakyTestsQuery(options: { api: CircleCIApi; slug: string }): Options<FlakyTests> {
  const { api, slug } = options;
  return defineQuery({
    ...NEVER_POLLED,
    queryKey: insightsKey({ kind: 'flaky', slug }),
    load: ({ signal }) => api.listFlakyTests({ projectSlug: slug, signal }),
  });
}

/** The branch names Insights knows for a project. */
export function insightsBranchesQuery(options: { api: CircleCIApi; slug: string }): Options<string[]> {
  const { api, slug } = options;
  return defineQuery({
    ...NEVER_POLLED,
    queryKey: insightsKey({ kind: 'branches', slug }),
    load: ({ signal }) => api.listInsightsBranches({ projectSlug: slug, signal }),
  });
}

/**
 * Sends the chart requests of the workflows charted at first (the busiest,
 * see `initialCharts`) the moment the workflow metrics of
 * `reportingWindow` arrive, instead of after the metrics table has
 * rendered. The requests are the very queries the charts observe (same
 * keys, same gate), so nothing is sent twice. Returns the function that
 * stops listening.
 */
export function prefetchRunsWithMetrics(
  options: WindowedQueryOptions & {
    queryClient: QueryClient;
    /** The component's workflows (`circleci.com/workflows`): others get no chart. */
    workflowScope?: WorkflowScope;
  },
): () => void {
  const { api, queryClient, slug, scope, reportingWindow, workflowScope } = options;
  const metricsHash = hashKey(workflowMetricsQuery({ api, slug, scope, reportingWindow }).queryKey);
  return queryClient.getQueryCache().subscribe(event => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    if (event.query.queryHash !== metricsHash) return;
    const all = (event.query.state.data ?? []) as WorkflowMetrics[];
    const workflows = workflowScope ? all.filter(w => workflowScope.test(w.name)) : all;
    for (const workflowName of initialCharts({ workflows })) {
      queryClient
        .prefetchQuery(workflowRunsQuery({ api, queryClient, slug, scope, workflowName, reportingWindow }))
        .catch(() => undefined);
    }
  });
}
