/*
 * The Insights endpoints: figures CircleCI computes on a schedule, so every
 * answer is `slow`. Query names as in CircleCI's spec (`reporting-window`,
 * `all-branches`); a workflow name is one encoded path segment.
 */
import { z } from 'zod';
import type {
  GetJobMetricsOptions,
  GetTestMetricsOptions,
  GetWorkflowMetricsOptions,
  GetWorkflowSummaryOptions,
  ListFlakyTestsOptions,
  ListInsightsBranchesOptions,
  ListWorkflowRunsOptions,
} from '../options/insightsOptions';
import {
  flakyTestsSchema,
  insightsBranchesSchema,
  jobMetricsSchema,
  pageSchema,
  testMetricsSchema,
  workflowMetricsSchema,
  workflowRunSchema,
  workflowSummarySchema,
} from '../schemas';
import { defineEndpoint } from './define';
import { pagedQuery, toPage } from './pages';

type Scoped = { branch?: string; allBranches?: boolean };

/** `all-branches=true`, or `branch`, or neither (the default branch). */
function scope<O extends Scoped>(): Record<string, (options: O) => string | undefined> {
  return {
    branch: o => (o.allBranches ? undefined : o.branch),
    'all-branches': o => (o.allBranches ? 'true' : undefined),
  };
}

const project = { projectSlug: 'slug' } as const;
const workflow = { projectSlug: 'slug', workflowName: 'name' } as const;
const base = 'v2/insights/{projectSlug}';

/**
 * The Insights endpoints.
 * @public
 */
export const INSIGHTS_ENDPOINTS = {
  getWorkflowMetrics: defineEndpoint({
    about: 'the workflow metrics of a project',
    method: 'GET',
    path: `${base}/workflows`,
    params: project,
    query: {
      ...scope<GetWorkflowMetricsOptions>(),
      'reporting-window': (o: GetWorkflowMetricsOptions) => o.reportingWindow,
      ...pagedQuery<GetWorkflowMetricsOptions>(),
    },
    schema: pageSchema(workflowMetricsSchema),
    read: toPage,
    paging: { cap: 5, collect: false },
    lifetime: 'slow',
  }),
  listWorkflowRuns: defineEndpoint({
    about: 'the runs of a workflow',
    method: 'GET',
    path: `${base}/workflows/{workflowName}`,
    params: workflow,
    query: {
      ...scope<ListWorkflowRunsOptions>(),
      'start-date': (o: ListWorkflowRunsOptions) => o.startDate,
      'end-date': (o: ListWorkflowRunsOptions) => o.endDate,
      ...pagedQuery<ListWorkflowRunsOptions>(),
    },
    schema: pageSchema(workflowRunSchema),
    read: toPage,
    paging: { cap: 10, collect: false },
    lifetime: 'slow',
  }),
  getWorkflowSummary: defineEndpoint({
    about: 'the summary of a workflow',
    method: 'GET',
    path: `${base}/workflows/{workflowName}/summary`,
    params: workflow,
    query: {
      branch: (o: GetWorkflowSummaryOptions) => (o.allBranches ? undefined : o.branches?.[0]),
      'all-branches': (o: GetWorkflowSummaryOptions) => (o.allBranches ? 'true' : undefined),
    },
    schema: workflowSummarySchema,
    lifetime: 'slow',
  }),
  getJobMetrics: defineEndpoint({
    about: 'the job metrics of a workflow',
    method: 'GET',
    path: `${base}/workflows/{workflowName}/jobs`,
    params: workflow,
    query: {
      ...scope<GetJobMetricsOptions>(),
      'reporting-window': (o: GetJobMetricsOptions) => o.reportingWindow,
      ...pagedQuery<GetJobMetricsOptions & { pageToken?: string }>(),
    },
    schema: pageSchema(jobMetricsSchema),
    read: toPage,
    paging: { cap: 10, collect: 'items' },
    lifetime: 'slow',
  }),
  getTestMetrics: defineEndpoint({
    about: 'the test metrics of a workflow',
    method: 'GET',
    path: `${base}/workflows/{workflowName}/test-metrics`,
    params: workflow,
    query: scope<GetTestMetricsOptions>(),
    schema: testMetricsSchema,
    lifetime: 'slow',
  }),
  listFlakyTests: defineEndpoint<ListFlakyTestsOptions, z.output<typeof flakyTestsSchema>>({
    about: 'the flaky tests of a project',
    method: 'GET',
    path: `${base}/flaky-tests`,
    params: project,
    schema: flakyTestsSchema,
    lifetime: 'slow',
  }),
  listInsightsBranches: defineEndpoint({
    about: 'the branches Insights knows',
    method: 'GET',
    path: `${base}/branches`,
    params: project,
    query: { 'workflow-name': (o: ListInsightsBranchesOptions) => o.workflowName },
    schema: insightsBranchesSchema,
    read: (body: z.output<typeof insightsBranchesSchema>) => body.branches,
    lifetime: 'slow',
  }),
};
