/*
 * The Insights requests of {@link CircleCIClient}, over its transport:
 * paths and query names as in CircleCI's spec (`reporting-window`,
 * `all-branches`, `page-token`), a workflow name URL-encoded as one path
 * segment, bodies checked by the schemas in ./schemas/insights.
 */
import { z } from 'zod';
import { toV2SlugPath } from '../common/slug';
import type {
  GetJobMetricsOptions,
  GetTestMetricsOptions,
  GetWorkflowMetricsOptions,
  GetWorkflowSummaryOptions,
  InsightsApi,
  InsightsScope,
  ListFlakyTestsOptions,
  ListInsightsBranchesOptions,
  ListWorkflowRunsOptions,
} from './insightsOptions';
import type {
  FlakyTests,
  JobMetrics,
  TestMetrics,
  WorkflowMetrics,
  WorkflowRun,
  WorkflowSummary,
} from '../common/insightsTypes';
import { collectPages } from './pages';
import { slugOf, toPage } from './paths';
import {
  flakyTestsSchema,
  insightsBranchesSchema,
  jobMetricsSchema,
  pageSchema,
  testMetricsSchema,
  workflowMetricsSchema,
  workflowRunSchema,
  workflowSummarySchema,
} from '../common/schemas';
import type { CircleCITransport } from './transport';
import type { Page } from '../common/types';

const MAX_JOB_METRIC_PAGES = 10;

/**
 * A workflow name as one path segment: any characters, URL-encoded (a
 * slash becomes `%2F`, so it cannot leave the workflow's path). Throws a
 * `TypeError` for an empty or overlong name and for `.` and `..`, which
 * URLs resolve even when encoded.
 */
export function workflowSegment(name: string): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 256 || /^\.\.?$/.test(name)) {
    throw new TypeError(`Invalid workflow name ${JSON.stringify(name)}.`);
  }
  return encodeURIComponent(name);
}

function base(slug: InsightsScope['projectSlug']): string {
  return `v2/insights/${toV2SlugPath(slugOf(slug))}`;
}

function scope(options: { branch?: string; allBranches?: boolean }): Record<string, string | undefined> {
  return options.allBranches ? { 'all-branches': 'true' } : { branch: options.branch };
}

/** The Insights methods over a transport. */
export class InsightsRequests implements InsightsApi {
  /** Uses `transport` for every request. */
  constructor(private readonly transport: CircleCITransport) {}

  /** {@inheritDoc InsightsApi.getWorkflowMetrics} */
  async getWorkflowMetrics(options: GetWorkflowMetricsOptions): Promise<Page<WorkflowMetrics>> {
    const data = await this.transport.get({
      path: `${base(options.projectSlug)}/workflows`,
      query: {
        ...scope(options),
        'reporting-window': options.reportingWindow,
        'page-token': options.pageToken,
      },
      schema: pageSchema(workflowMetricsSchema),
      signal: options.signal,
    });
    return toPage(data);
  }

  /** {@inheritDoc InsightsApi.listWorkflowRuns} */
  async listWorkflowRuns(options: ListWorkflowRunsOptions): Promise<Page<WorkflowRun>> {
    const data = await this.transport.get({
      path: `${base(options.projectSlug)}/workflows/${workflowSegment(options.workflowName)}`,
      query: {
        ...scope(options),
        'start-date': options.startDate,
        'end-date': options.endDate,
        'page-token': options.pageToken,
      },
      schema: pageSchema(workflowRunSchema),
      signal: options.signal,
    });
    return toPage(data);
  }

  /** {@inheritDoc InsightsApi.getWorkflowSummary} */
  async getWorkflowSummary(options: GetWorkflowSummaryOptions): Promise<WorkflowSummary> {
    return this.transport.get({
      path: `${base(options.projectSlug)}/workflows/${workflowSegment(options.workflowName)}/summary`,
      query: scope({ branch: options.branches?.[0], allBranches: options.allBranches }),
      schema: workflowSummarySchema,
      signal: options.signal,
    });
  }

  /** {@inheritDoc InsightsApi.getJobMetrics} */
  async getJobMetrics(options: GetJobMetricsOptions): Promise<JobMetrics[]> {
    const path = `${base(options.projectSlug)}/workflows/${workflowSegment(options.workflowName)}/jobs`;
    const { items } = await collectPages({
      max: MAX_JOB_METRIC_PAGES,
      load: async pageToken =>
        toPage(
          await this.transport.get({
            path,
            query: {
              ...scope(options),
              'reporting-window': options.reportingWindow,
              'page-token': pageToken,
            },
            schema: pageSchema(jobMetricsSchema),
            signal: options.signal,
          }),
        ),
    });
    return items;
  }

  /** {@inheritDoc InsightsApi.getTestMetrics} */
  async getTestMetrics(options: GetTestMetricsOptions): Promise<TestMetrics> {
    return this.transport.get({
      path: `${base(options.projectSlug)}/workflows/${workflowSegment(options.workflowName)}/test-metrics`,
      query: scope(options),
      schema: testMetricsSchema,
      signal: options.signal,
    });
  }

  /** {@inheritDoc InsightsApi.listFlakyTests} */
  async listFlakyTests(options: ListFlakyTestsOptions): Promise<FlakyTests> {
    return this.transport.get({
      path: `${base(options.projectSlug)}/flaky-tests`,
      schema: flakyTestsSchema,
      signal: options.signal,
    });
  }

  /** {@inheritDoc InsightsApi.listInsightsBranches} */
  async listInsightsBranches(options: ListInsightsBranchesOptions): Promise<string[]> {
    const data: z.output<typeof insightsBranchesSchema> = await this.transport.get({
      path: `${base(options.projectSlug)}/branches`,
      query: { 'workflow-name': options.workflowName },
      schema: insightsBranchesSchema,
      signal: options.signal,
    });
    return data.branches;
  }
}
