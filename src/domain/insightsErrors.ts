/*
 * What an Insights failure means for a person. Insights answer 403 or 404
 * when the token's user cannot see the project's insights (CircleCI's
 * Insights API needs a personal API token; project tokens are refused), so
 * those two get their own explanation; every other failure is described
 * as anywhere else (`describeError`).
 */
import { type CircleCIErrorDescription, describeError } from './errors';
import { msg } from './messages';

/** Options of {@link describeInsightsError}. */
export interface DescribeInsightsErrorOptions {
  /** The project whose insights were read. */
  project: string;
}

/**
 * Describes a failure of an Insights request: 403 and 404 explain the
 * token an Insights request needs; anything else as `describeError` does.
 */
export function describeInsightsError(
  error: unknown,
  options: DescribeInsightsErrorOptions,
): CircleCIErrorDescription {
  const { project } = options;
  const described = describeError(error, { subject: msg('insights.subject', { project }) });
  if (described.kind !== 'forbidden' && described.kind !== 'not-found') return described;
  return {
    ...described,
    title: msg('insights.accessTitle'),
    message: msg('insights.accessMessage', { project, status: described.status ?? '' }),
  };
}
