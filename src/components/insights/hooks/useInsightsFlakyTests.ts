import type { FlakyTests } from '@circleci-backstage/plugin-circleci-common';
import { flakyTestsQuery } from '../../../query/insightsQueries';
import { type ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';

/**
 * A project's flaky tests (`GET v2/insights/{slug}/flaky-tests`), once
 * `enabled`. Cached, never polled.
 */
export function useInsightsFlakyTests(options: { slug: string; enabled: boolean }): ResourceState<FlakyTests> {
  const { slug, enabled } = options;
  return useCircleCIQuery({ query: ({ api }) => flakyTestsQuery({ api, slug }), enabled });
}
