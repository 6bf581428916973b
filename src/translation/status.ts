/*
 * The words domain rules produce: statuses, test outcomes, durations and
 * smaller labels. Part of `circleCITranslationRef` (src/translation.ts).
 */

/** Status words, test outcomes and the smaller domain texts. */
export const statusMessages = {
  /** The label next to a status icon. */
  status: {
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
  },
  /** A status inside a sentence or an accessible name. */
  statusText: {
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
    reported: '{{status}}',
  },
  /** How a test ended. */
  testOutcomes: {
    failed: 'Failed',
    reported: '{{result}}',
    passed: 'Passed',
    skipped: 'Skipped',
  },
  domain: {
    approved: 'Approved',
    waitingForApproval: 'Waiting for approval',
    containerLabel: 'Container {{index}}: {{status}}',
    durationSoFar: '{{duration}} so far',
    notStartedYet: 'not started yet',
    testSummary_one: '{{count}} test: {{passed}} passed, {{failed}} failed, {{skipped}} skipped',
    testSummary_other: '{{count}} tests: {{passed}} passed, {{failed}} failed, {{skipped}} skipped',
    testSummaryOther_one: '{{count}} test: {{passed}} passed, {{failed}} failed, {{skipped}} skipped, {{other}} other',
    testSummaryOther_other:
      '{{count}} tests: {{passed}} passed, {{failed}} failed, {{skipped}} skipped, {{other}} other',
    tagRef: 'tag {{tag}}',
    branchRef: '{{branch}}',
  },
} as const;
