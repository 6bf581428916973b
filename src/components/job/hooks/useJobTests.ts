import type { TestResult } from '@circleci-backstage/plugin-circleci-common';
import { type BoundedList, type JobHookOptions, jobTestsQuery } from '../../../query/jobQueries';
import { type ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';
import { useRefreshWhenSettled } from './useRefreshWhenSettled';

/**
 * Loads all test results of a job, following pages within the cap
 * (`JOB_TEST_PAGES`). With `live` (the job runs), loads once more when
 * the job finishes, as results are uploaded at its end.
 */
export function useJobTests(
  options: JobHookOptions & { live?: boolean },
): ResourceState<BoundedList<TestResult>> {
  const { projectSlug, jobNumber } = options;
  const state = useCircleCIQuery({ query: ({ api }) => jobTestsQuery({ api, projectSlug, jobNumber }) });
  useRefreshWhenSettled({ live: options.live ?? false, refresh: state.refresh });
  return state;
}
