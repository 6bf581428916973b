/*
 * How many pages the queries read of a paged CircleCI list. The numbers
 * live in the endpoint table (`paging.cap`); these names say where each
 * is used. The client applies the caps of the lists it collects itself
 * (artifacts, job metrics).
 */
import { pageCap } from '@circleci-backstage/plugin-circleci-common';

/** The most pages of a workflow's jobs that are read (20 jobs a page). */
export const WORKFLOW_JOB_PAGES = pageCap('listJobs');

/** The most pages of a job's test results that are read. */
export const JOB_TEST_PAGES = pageCap('listTests');

/** The most pages of one pipeline's workflows that are read. */
export const PIPELINE_WORKFLOW_PAGES = pageCap('listWorkflows');

/** The most pages of a project's workflow metrics (Insights) that are read. */
export const WORKFLOW_METRIC_PAGES = pageCap('getWorkflowMetrics');

/** The most pages of a workflow's runs (Insights chart) that are read. */
export const WORKFLOW_RUN_PAGES = pageCap('listWorkflowRuns');
