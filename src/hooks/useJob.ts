import { useEffect, useRef } from 'react';
import type { ProjectSlug } from '../domain/slug';
import { isActiveStatus, normalizeStatus } from '../domain/status';
import type { Artifact, JobDetails, JobSteps, TestResult } from '../api/types';
import { ResourceState, useResource } from './useResource';

/** The most pages of test results that are loaded (CircleCI pages hold 10–100). */
export const MAX_TEST_PAGES = 20;

/**
 * Identifies a job for the job hooks.
 * @public
 */
export interface JobHookOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
  jobNumber: number;
}

/**
 * Items of a list that is loaded page by page within a bound.
 * @public
 */
export interface BoundedList<T> {
  items: T[];
  /** True when more items exist than were loaded. */
  truncated: boolean;
}

/** The slug string of a slug option. */
export function slugKey(projectSlug: string | ProjectSlug): string {
  return typeof projectSlug === 'string' ? projectSlug : projectSlug.slug;
}

/** The part of a cache key that names a job; ends with `:`. */
export function jobKey(options: JobHookOptions): string {
  return `${slugKey(options.projectSlug)}:${options.jobNumber}:`;
}

function activeStatus(status: string): boolean {
  return isActiveStatus(normalizeStatus(status));
}

/**
 * Calls `refresh` once when `live` turns from true to false, so that a view
 * that stopped polling shows the final state of work that just finished.
 * @internal
 */
export function useRefreshWhenSettled(options: { live: boolean; refresh: () => void }): void {
  const { live, refresh } = options;
  const wasLive = useRef(live);
  useEffect(() => {
    if (wasLive.current && !live) refresh();
    wasLive.current = live;
  }, [live, refresh]);
}

/**
 * Loads the details of one job (API v2); polled while the job is active.
 * @public
 */
export function useJob(options: JobHookOptions): ResourceState<JobDetails> {
  const { projectSlug, jobNumber } = options;
  return useResource({
    key: `job:${jobKey(options)}`,
    load: (api, signal) => api.getJob({ projectSlug, jobNumber, signal }),
    isLive: job => activeStatus(job.status),
  });
}

/**
 * Loads the steps of a job with one action per container (API v1.1).
 * Polled while `live` (the job runs) or while the steps themselves say the
 * build still runs, so the last poll after the job finishes is not missed.
 * @public
 */
export function useJobSteps(options: JobHookOptions & { live: boolean }): ResourceState<JobSteps> {
  const { projectSlug, jobNumber, live } = options;
  return useResource({
    key: `job-steps:${jobKey(options)}`,
    load: (api, signal) => api.getJobSteps({ projectSlug, jobNumber, signal }),
    isLive: steps =>
      live ||
      activeStatus(steps.status) ||
      steps.steps.some(s => s.actions.some(a => activeStatus(a.status))),
  });
}

/**
 * Loads all test results of a job, following pages up to
 * {@link MAX_TEST_PAGES}. With `live` (the job runs), loads once more when
 * the job finishes, as results are uploaded at its end.
 * @public
 */
export function useJobTests(
  options: JobHookOptions & { live?: boolean },
): ResourceState<BoundedList<TestResult>> {
  const { projectSlug, jobNumber } = options;
  const state = useResource({
    key: `job-tests:${jobKey(options)}`,
    load: async (api, signal) => {
      const items: TestResult[] = [];
      let pageToken: string | undefined;
      for (let i = 0; i < MAX_TEST_PAGES; i++) {
        const page = await api.listTests({ projectSlug, jobNumber, pageToken, signal });
        items.push(...page.items);
        pageToken = page.nextPageToken;
        if (!pageToken) return { items, truncated: false };
      }
      return { items, truncated: true };
    },
  });
  useRefreshWhenSettled({ live: options.live ?? false, refresh: state.refresh });
  return state;
}

/**
 * Loads the artifacts of a job (the client follows the pages within its
 * own bound). With `live` (the job runs), loads once more when the job
 * finishes.
 * @public
 */
export function useJobArtifacts(
  options: JobHookOptions & { live?: boolean },
): ResourceState<BoundedList<Artifact>> {
  const { projectSlug, jobNumber } = options;
  const state = useResource({
    key: `job-artifacts:${jobKey(options)}`,
    load: async (api, signal) => {
      const page = await api.listArtifacts({ projectSlug, jobNumber, signal });
      return { items: page.items, truncated: Boolean(page.nextPageToken) };
    },
  });
  useRefreshWhenSettled({ live: options.live ?? false, refresh: state.refresh });
  return state;
}
