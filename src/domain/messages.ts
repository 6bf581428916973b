/*
 * The English texts that domain code produces for people (error
 * descriptions, status words), keyed as in the plugin's translation ref.
 * No React: views pass the app's translation function in, and without one
 * these English defaults are used.
 */

/** Error descriptions (`describeError`). */
export const ERROR_MESSAGES = {
  defaultSubject: 'this resource',
  backstageAuthTitle: 'Not signed in to Backstage',
  backstageAuthMessage:
    'The Backstage proxy refused the request because it carried no valid Backstage credentials. Sign in again, or check the proxy endpoint\'s "credentials" setting.',
  unauthorizedTitle: 'CircleCI token missing or invalid',
  unauthorizedMessage:
    "CircleCI rejected the proxy's Circle-Token. Set CIRCLECI_AUTH_TOKEN to a personal API token for the Backstage backend, and check that proxy.endpoints['/circleci/api'].headers sets Circle-Token to ${CIRCLECI_AUTH_TOKEN}.",
  forbiddenTitle: 'Access denied',
  forbiddenMessage:
    "The CircleCI token has no access to {{subject}}, or the Backstage proxy does not allow this method (see allowedMethods of proxy.endpoints['/circleci/api']).",
  notFoundTitle: 'Not found',
  notFoundMessage:
    "CircleCI could not find {{subject}}. Check the circleci.com/project-slug annotation, and that the token's user can see the project.",
  rateLimitedTitle: 'Rate limited',
  rateLimitedMessageAt: "CircleCI's rate limit was reached: retry at {{time}}.",
  rateLimitedMessage: "CircleCI's rate limit was reached: retry in a minute.",
  serverTitle: 'CircleCI is unavailable',
  serverMessage:
    'CircleCI or the proxy answered HTTP {{status}}{{statusText}}. This is usually temporary: try again in a moment.',
  badRequestTitle: 'Request failed (HTTP {{status}})',
  invalidSlugTitle: 'Invalid project slug',
  legacyProxyTitle: 'Legacy proxy target',
  malformedTitle: 'Unreadable response',
  timeoutTitle: 'Timed out',
  abortedTitle: 'Cancelled',
  abortedMessage: 'The request was cancelled.',
  networkTitle: 'Network error',
  networkMessage:
    'Could not reach the Backstage proxy for CircleCI. Check your network connection, then try again.',
  unknownTitle: 'Something went wrong',
} as const;

/** Why an action failed (`describeActionError`). */
export const ACTION_ERROR_MESSAGES = {
  otherTitle: 'The {{action}} failed: {{reason}}',
  backstageAuthTitle: 'Not signed in to Backstage',
  backstageAuthMessage: 'The Backstage proxy refused the request: sign in again, then retry.',
  proxyTokenTitle: "CircleCI rejected the proxy's token",
  proxyTokenMessage:
    'The Circle-Token that the Backstage proxy sends is missing, expired or revoked. Ask your Backstage admin to set CIRCLECI_AUTH_TOKEN to a valid CircleCI API token.',
  forbiddenTitle: 'Not allowed on this project',
  forbiddenMessage:
    "Actions run as the CircleCI user who owns the proxy's token, and that user may not do a {{action}} on {{project}}. Give that user write access to the project on CircleCI.",
  circleCISaid: ' CircleCI said: {{message}}',
  postNotAllowedTitle: 'The Backstage proxy does not allow actions',
  postNotAllowedMessage:
    "The proxy endpoint for CircleCI does not forward POST requests. Ask your Backstage admin to add this line to proxy.endpoints['/circleci/api'] in app-config.yaml:",
  notFoundTitle: 'CircleCI could not find it',
  notFoundMessage: 'CircleCI answered: {{message}}',
  busyTitle: 'CircleCI is busy',
  unavailableTitle: 'CircleCI is unavailable',
  tryLaterMessage:
    'CircleCI answered HTTP {{status}}. Try again in a few minutes; check the page first, in case the action went through.',
  rejectedTitle: 'CircleCI refused the {{action}}',
  rejectedMessage: 'CircleCI answered HTTP {{status}}.',
} as const;

/** What an action is called inside a sentence (`actionLabel`). */
export const ACTION_MESSAGES = {
  'rerun-workflow': 'rerun',
  'rerun-workflow-from-failed': 'rerun from failed',
  'cancel-workflow': 'cancel',
  'rerun-job': 'rerun of the job',
  'cancel-job': 'cancel of the job',
  'approve-job': 'approval',
  'trigger-pipeline': 'trigger',
} as const;

/** The label next to a status icon (`statusLabel`). */
export const STATUS_MESSAGES = {
  success: 'Success',
  failed: 'Failed',
  failing: 'Failing',
  running: 'Running',
  on_hold: 'On hold',
  queued: 'Queued',
  blocked: 'Blocked',
  canceled: 'Canceled',
  not_run: 'Not run',
  unauthorized: 'Unauthorized',
  unknown: 'Unknown',
  unknownNamed: 'Unknown ({{status}})',
} as const;

/** A status inside a sentence or an accessible name (`statusText`). */
export const STATUS_TEXT_MESSAGES = {
  success: 'success',
  failed: 'failed',
  failing: 'failing',
  running: 'running',
  on_hold: 'on hold',
  queued: 'queued',
  blocked: 'blocked',
  canceled: 'canceled',
  not_run: 'not run',
  unauthorized: 'unauthorized',
  unknown: 'unknown',
} as const;

/** Test outcomes (`testResultLabel`). */
export const TEST_OUTCOME_MESSAGES = {
  failed: 'Failed',
  other: 'Other',
  passed: 'Passed',
  skipped: 'Skipped',
} as const;

/** Smaller domain texts: approvals, containers, pipeline errors. */
export const DOMAIN_TEXT_MESSAGES = {
  approved: 'Approved',
  waitingForApproval: 'Waiting for approval',
  containerLabel: 'Container {{index}}: {{status}}',
  pipelineErrorConfig: 'Config error',
  pipelineErrorTimeout: 'Timeout',
  pipelineErrorPermission: 'Permission error',
  pipelineErrorPlan: 'Plan error',
  pipelineError: 'Error',
  pipelineErrorNamed: 'Error ({{type}})',
  pipelineErrorNoReason: 'CircleCI gave no reason.',
  durationSoFar: '{{duration}} so far',
  notStartedYet: 'not started yet',
  testSummary: '{{total}} tests: {{passed}} passed, {{failed}} failed, {{skipped}} skipped',
  testSummaryOther: '{{total}} tests: {{passed}} passed, {{failed}} failed, {{skipped}} skipped, {{other}} other',
} as const;

/** Why the trigger dialog's parameters cannot be sent (`parseParameterRows`). */
export const PARAMETER_MESSAGES = {
  tooMany: 'At most 100 parameters are allowed.',
  invalidName: '"{{name}}" is not a valid parameter name.',
  duplicate: 'Parameter {{name}} is given twice.',
  tooLong: 'The value of {{name}} is too long.',
  notInteger: '{{name}} must be a whole number.',
  notBoolean: '{{name}} must be true or false.',
} as const;

/** The sections above, as they appear in the translation ref. */
export const DOMAIN_MESSAGES = {
  testOutcomes: TEST_OUTCOME_MESSAGES,
  domain: DOMAIN_TEXT_MESSAGES,
  parameters: PARAMETER_MESSAGES,
  errors: ERROR_MESSAGES,
  actionErrors: ACTION_ERROR_MESSAGES,
  actions: ACTION_MESSAGES,
  status: STATUS_MESSAGES,
  statusText: STATUS_TEXT_MESSAGES,
} as const;

/**
 * Interpolation values of a text.
 * @public
 */
export type TranslateParams = Record<string, string | number>;

/**
 * Turns a message key (e.g. `errors.notFoundTitle`) and its values into
 * text. A view passes the app's translation function; the default is English.
 * @public
 */
export type CircleCITranslate = (key: string, params?: TranslateParams) => string;

function lookUp(key: string): string | undefined {
  const dot = key.indexOf('.');
  const section = (DOMAIN_MESSAGES as Record<string, Record<string, string>>)[key.slice(0, dot)];
  return section?.[key.slice(dot + 1)];
}

/** The English default of a domain text, with `{{name}}` values filled in. */
export const englishTranslate: CircleCITranslate = (key, params) => {
  const template = lookUp(key) ?? key;
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) =>
    params && name in params ? String(params[name]) : whole,
  );
};
