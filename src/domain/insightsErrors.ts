/*
 * What an Insights failure means for a person. Insights answer 403 or 404
 * when the token's user cannot see the project's insights (CircleCI's
 * Insights API needs a personal API token; project tokens are refused), so
 * those two get their own explanation; every other failure is described
 * as anywhere else (`describeError`).
 */
import { type CircleCIErrorDescription, describeError } from './errors';
import type { CircleCITranslate, TranslateParams } from './messages';

/** The English texts of the Insights domain rules (section `insights`). */
export const INSIGHTS_DOMAIN_MESSAGES = {
  accessTitle: 'Insights not available',
  accessMessage:
    'CircleCI refused the insights of {{project}} (HTTP {{status}}). Insights need a personal API token (not a project token) whose user can see this project: set CIRCLECI_AUTH_TOKEN on the Backstage backend to such a token.',
} as const;

const englishInsights: CircleCITranslate = (key: string, params?: TranslateParams) => {
  const name = key.replace(/^insights\./, '') as keyof typeof INSIGHTS_DOMAIN_MESSAGES;
  const template: string = INSIGHTS_DOMAIN_MESSAGES[name] ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, n: string) =>
    params && n in params ? String(params[n]) : whole,
  );
};

/** Options of {@link describeInsightsError}. */
export interface DescribeInsightsErrorOptions {
  /** The project whose insights were read. */
  project: string;
  /** The app's translation function; English when omitted. */
  translate?: CircleCITranslate;
}

/**
 * Describes a failure of an Insights request: 403 and 404 explain the
 * token an Insights request needs; anything else as `describeError` does.
 */
export function describeInsightsError(
  error: unknown,
  options: DescribeInsightsErrorOptions,
): CircleCIErrorDescription {
  const { project, translate } = options;
  const described = describeError(error, {
    subject: translate ? translate('insights.subject', { project }) : `the insights of ${project}`,
    translate,
  });
  if (described.kind !== 'forbidden' && described.kind !== 'not-found') return described;
  const t = translate ?? englishInsights;
  return {
    ...described,
    title: t('insights.accessTitle'),
    message: t('insights.accessMessage', { project, status: described.status ?? '' }),
  };
}
