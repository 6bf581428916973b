import { collectPages } from '../../../api/pages';
import type { TestResult } from '../../../common/types';
import { BoundedList, jobResourceKey, JobHookOptions } from '../../../query/jobOptions';
import { ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';
import { useRefreshWhenSettled } from './useRefreshWhenSettled';

/** The most pages of test results that are loaded (CircleCI pages hold 10–100). */
export const MAX_TEST_PAGES = 20;

/**
 * Loads all test results of a job, following pages up to
 * {@link MAX_TEST_PAGES}. With `live` (the job runs), loads once more when
 * the job finishes, as results are uploaded at its end.
 */
export function useJobTests(
  options: JobHookOptions & { live?: boolean },
): ResourceState<BoundedList<TestResult>> {
  const { projectSlug, jobNumber } = options;
  const state = useCircleCIQuery({
    queryKey: jobResourceKey({ kind: 'job-tests', projectSlug, jobNumber }),
    load: ({ api, signal }) =>
      collectPages({
        max: MAX_TEST_PAGES,
        load: pageToken => api.listTests({ projectSlug, jobNumber, pageToken, signal }),
      }),
  });
  useRefreshWhenSettled({ live: options.live ?? false, refresh: state.refresh });
  return state;
}
