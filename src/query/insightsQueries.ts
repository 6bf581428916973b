/*
 * The queries behind the Insights view and card. CircleCI computes
 * insights on a schedule, not live, so every insights query is cached for
 * {@link INSIGHTS_FRESH_MS} (a view opened again within it sends nothing)
 * and never polled: no `refetchInterval`, no refetch on focus or
 * reconnect. The chart requests (one per workflow) pass through a gate
 * with the workflow requests' cap ({@link WORKFLOW_CONCURRENCY}).
 *
 * Every factory returns options for the plugin's own QueryClient (pass it
 * to `useQuery(options, queryClient)` or `useBatchedQueries`); the key
 * names the project, the branch scope and the window, so a different
 * branch or window is another request and switching back is served from
 * the cache.
 */
import type { QueryClient, QueryKey, UseQueryOptions } from '@tanstack/react-query';
import type { CircleCIApi } from '../api/CircleCIApi';
import type {
  FlakyTests,
  JobMetrics,
  ReportingWindow,
  TestMetrics,
  WorkflowMetrics,
  WorkflowRun,
  WorkflowSummary,
} from '../common/insightsTypes';
import { collectPages } from '../api/pages';
import { type InsightsBranchScope, windowStart } from '../domain/insights';
import { RequestGate } from './requestGate';
import { WORKFLOW_CONCURRENCY } from './workflowQueries';

export type { InsightsBranchScope } from '../domain/insights';

/** How long an insights answer is served without a request: 10 minutes. */
export const INSIGHTS_FRESH_MS = 10 * 60_000;
/** The most pages of a project's workflow metrics that are read. */
export const MAX_WORKFLOW_METRIC_PAGES = 5;

/** The client's `branch` / `allBranches` options for a scope. */
export function branchParams(scope: InsightsBranchScope): { branch?: string; allBranches?: boolean } {
  if (scope.kind === 'all') return { allBranches: true };
  if (scope.kind === 'branch') return { branch: scope.branch };
  return {};
}

function scopeKey(scope: InsightsBranchScope): string {
  if (scope.kind === 'all') return 'all';
  if (scope.kind === 'branch') return `branch:${scope.branch}`;
  return 'default';
}

/** The key of every insights query (`slug` omitted) or of one project's. */
export function insightsKey(options: { kind?: string; slug?: string } = {}): QueryKey {
  const key: string[] = ['circleci', 'insights'];
  if (options.kind !== undefined) key.push(options.kind);
  if (options.kind !== undefined && options.slug !== undefined) key.push(options.slug);
  return key;
}

const gates = new WeakMap<QueryClient, RequestGate>();

/** The gate of the chart requests of `queryClient`. */
export function insightsGate(queryClient: QueryClient): RequestGate {
  let gate = gates.get(queryClient);
  if (!gate) {
    gate = new RequestGate({ concurrency: WORKFLOW_CONCURRENCY });
    gates.set(queryClient, gate);
  }
  return gate;
}

type Options<T> = UseQueryOptions<T, Error, T, QueryKey>;

const NEVER_POLLED = {
  staleTime: INSIGHTS_FRESH_MS,
  refetchInterval: false,
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
  return {
    ...NEVER_POLLED,
    queryKey: [...insightsKey({ kind: 'workflows', slug }), scopeKey(scope), reportingWindow],
    queryFn: async ({ signal }) =>
      (
        await collectPages({
          max: MAX_WORKFLOW_METRIC_PAGES,
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
  };
}

/** Options of the queries that name one workflow. */
export interface WorkflowQueryOptions extends InsightsQueryBase {
  /** The workflow's name. */
  workflowName: string;
}

/**
 * A workflow's recent runs (first page) for its chart, sent through
 * {@link insightsGate}.
 */
export function workflowRunsQuery(
  options: WorkflowQueryOptions & {
    queryClient: QueryClient;
    /** Only the runs of this window (sent as `start-date`); none: CircleCI's default (90 days). */
    reportingWindow?: ReportingWindow;
  },
): Options<WorkflowRun[]> {
  const { api, slug, scope = { kind: 'default' }, workflowName, queryClient, reportingWindow } = options;
  return {
    ...NEVER_POLLED,
    queryKey: [...insightsKey({ kind: 'runs', slug }), scopeKey(scope), workflowName, reportingWindow ?? 'default'],
    queryFn: async ({ signal }) =>
      (
        await insightsGate(queryClient).run({
          signal,
          send: () =>
            api.listWorkflowRuns({
              projectSlug: slug,
              workflowName,
              ...branchParams(scope),
              startDate: reportingWindow ? windowStart({ reportingWindow, now: Date.now() }) : undefined,
              signal,
            }),
        })
      ).items,
  };
}

/** A workflow's summary and its trends against the previous window. */
export function workflowSummaryQuery(options: WorkflowQueryOptions): Options<WorkflowSummary> {
  const { api, slug, scope = { kind: 'default' }, workflowName } = options;
  const { branch, allBranches } = branchParams(scope);
  return {
    ...NEVER_POLLED,
    queryKey: [...insightsKey({ kind: 'summary', slug }), scopeKey(scope), workflowName],
    queryFn: ({ signal }) =>
      api.getWorkflowSummary({
        projectSlug: slug,
        workflowName,
        branches: branch === undefined ? undefined : [branch],
        allBranches,
        signal,
      }),
  };
}

/** A workflow's per-job metrics. */
export function jobMetricsQuery(
  options: WorkflowQueryOptions & { reportingWindow: ReportingWindow },
): Options<JobMetrics[]> {
  const { api, slug, scope = { kind: 'default' }, workflowName, reportingWindow } = options;
  return {
    ...NEVER_POLLED,
    queryKey: [...insightsKey({ kind: 'jobs', slug }), scopeKey(scope), workflowName, reportingWindow],
    queryFn: ({ signal }) =>
      api.getJobMetrics({
        projectSlug: slug,
        workflowName,
        ...branchParams(scope),
        reportingWindow,
        signal,
      }),
  };
}

/** A workflow's most failed and slowest tests. */
export function testMetricsQuery(options: WorkflowQueryOptions): Options<TestMetrics> {
  const { api, slug, scope = { kind: 'default' }, workflowName } = options;
  return {
    ...NEVER_POLLED,
    queryKey: [...insightsKey({ kind: 'tests', slug }), scopeKey(scope), workflowName],
    queryFn: ({ signal }) =>
      api.getTestMetrics({ projectSlug: slug, workflowName, ...branchParams(scope), signal }),
  };
}

/** A project's flaky tests (all branches; the endpoint takes no branch). */
export function flakyTestsQuery(options: { api: CircleCIApi; slug: string }): Options<FlakyTests> {
  const { api, slug } = options;
  return {
    ...NEVER_POLLED,
    queryKey: insightsKey({ kind: 'flaky', slug }),
    queryFn: ({ signal }) => api.listFlakyTests({ projectSlug: slug, signal }),
  };
}

/** The branch names Insights knows for a project. */
export function insightsBranchesQuery(options: { api: CircleCIApi; slug: string }): Options<string[]> {
  const { api, slug } = options;
  return {
    ...NEVER_POLLED,
    queryKey: insightsKey({ kind: 'branches', slug }),
    queryFn: ({ signal }) => api.listInsightsBranches({ projectSlug: slug, signal }),
  };
}

/** What an insights hook returns for one resource. */
export interface InsightsState<T> {
  /** The value, once loaded. */
  value?: T;
  /** Why it could not be loaded. */
  error?: Error;
  /** True while its first load runs. */
  loading: boolean;
}

/** The {@link InsightsState} of a TanStack query result (`enabled: false`: not loading). */
export function insightsState<T>(result: {
  data?: T;
  error: Error | null;
  isPending: boolean;
  fetchStatus: string;
}): InsightsState<T> {
  return {
    value: result.data,
    error: result.error ?? undefined,
    loading: result.isPending && result.fetchStatus !== 'idle',
  };
}
