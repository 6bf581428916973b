/*
 * The queries of one job: its details, its steps, its artifacts and its
 * test results. The details and the steps are polled while the job runs;
 * artifacts and tests are read again once it finishes (the hooks'
 * `useRefreshWhenSettled`).
 */
import type { CircleCIApi } from '../api/CircleCIApi';
import { collectPages } from '../api/pages';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import type { Artifact, JobDetails, JobSteps, TestResult } from '@circleci-backstage/plugin-circleci-common';
import { isUnfinished } from '../domain/status';
import { type CircleCIQueryOptions, defineQuery } from './defineQuery';
import { jobKey } from './keys';
import { JOB_TEST_PAGES } from './pageCaps';

/** Identifies a job for the job hooks and queries. */
export interface JobHookOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
  /** The job number within the project. */
  jobNumber: number;
}

/** Items of a list that is loaded page by page within a bound. */
export interface BoundedList<T> {
  /** The items loaded. */
  items: T[];
  /** True when more items exist than were loaded. */
  truncated: boolean;
}

type JobQueryOptions = JobHookOptions & { api: CircleCIApi };

/** The details of one job (API v2); polled while the job is unfinished. */
export function jobQuery(options: JobQueryOptions): CircleCIQueryOptions<JobDetails> {
  const { api, projectSlug, jobNumber } = options;
  return defineQuery({
    queryKey: jobKey({ kind: 'job', projectSlug, jobNumber }),
    load: ({ signal }) => api.getJob({ projectSlug, jobNumber, signal }),
    isLive: job => isUnfinished(job.status),
    signalled: true,
  });
}

/**
 * The steps of a job with one action per container (API v1.1). Polled
 * while `live` (the job runs) or while the steps themselves say the build
 * still runs, so the last poll after the job finishes is not missed.
 */
export function jobStepsQuery(options: JobQueryOptions & { live: boolean }): CircleCIQueryOptions<JobSteps> {
  const { api, projectSlug, jobNumber, live } = options;
  return defineQuery({
    queryKey: jobKey({ kind: 'job-steps', projectSlug, jobNumber }),
    load: ({ signal }) => api.getJobSteps({ projectSlug, jobNumber, signal }),
    isLive: steps =>
      live ||
      isUnfinished(steps.status) ||
      steps.steps.some(s => s.actions.some(a => isUnfinished(a.status))),
  });
}

/** The artifacts of a job (the client follows the pages within its own bound). */
export function jobArtifactsQuery(options: JobQueryOptions): CircleCIQueryOptions<BoundedList<Artifact>> {
  const { api, projectSlug, jobNumber } = options;
  return defineQuery({
    queryKey: jobKey({ kind: 'job-artifacts', projectSlug, jobNumber }),
    load: async ({ signal }) => {
      const page = await api.listArtifacts({ projectSlug, jobNumber, signal });
      return { items: page.items, truncated: Boolean(page.nextPageToken) };
    },
  });
}

/** All test results of a job, following pages up to {@link JOB_TEST_PAGES}. */
export function jobTestsQuery(options: JobQueryOptions): CircleCIQueryOptions<BoundedList<TestResult>> {
  const { api, projectSlug, jobNumber } = options;
  return defineQuery({
    queryKey: jobKey({ kind: 'job-tests', projectSlug, jobNumber }),
    load: ({ signal }) =>
      collectPages({
        max: JOB_TEST_PAGES,
        load: pageToken => api.listTests({ projectSlug, jobNumber, pageToken, signal }),
      }),
  });
}
