/*
 * Texts shared by the views, the commit views and the pipelines' filters.
 * Part of `circleCITranslationRef` (src/translation.ts).
 */

/** Shared words, the commit views and the filters of the pipelines page. */
export const commonMessages = {
  common: {
    tryAgain: 'Try again',
    live: 'Live',
    settled: 'Settled',
    liveUpdatedAt: '{{state}} · updated {{time}}',
    keepRunning: 'Keep it running',
    breadcrumb: 'breadcrumb',
    projectsTabs: 'CircleCI projects',
    containers: 'Containers',
    openOnCircleCI: 'Open on CircleCI',
    details: 'Details',
  },
  commits: {
    title: 'Pipelines of commit {{sha}}',
    invalid: '"{{value}}" is not a commit SHA: give the full SHA or at least its first 7 hex characters.',
    searching_one: 'Searching… {{count}} pipeline looked at',
    searching_other: 'Searching… {{count}} pipelines looked at',
    notFound_one: 'Not found in the last {{count}} pipeline.',
    notFound_other: 'Not found in the last {{count}} pipelines.',
    foundAmong_one: '{{count}} pipeline of this commit among the last {{scanned}} looked at.',
    foundAmong_other: '{{count}} pipelines of this commit among the last {{scanned}} looked at.',
    searchFurther: 'Search further',
    onBranch: 'Only branch {{branch}}.',
    crumb: 'Commit {{sha}}',
  },
  commitStatus: {
    searching: 'Looking for CircleCI builds…',
    none_one: 'No CircleCI build found in the last {{count}} pipeline',
    none_other: 'No CircleCI build found in the last {{count}} pipelines',
    unavailable: 'CircleCI status unavailable: {{reason}}',
    builds_one: '{{count}} build',
    builds_other: '{{count}} builds',
    open: 'Builds of commit {{sha}}',
  },
  filters: {
    status: 'Status',
    anyStatus: 'Any status',
    onlyStatus: 'Only {{status}}',
    workflow: 'Workflow',
    anyWorkflow: 'Any workflow',
    triggeredBy: 'Triggered by',
    anyone: 'Anyone',
    onlyMine: 'Only mine',
    checkingMine: 'Only mine (checking…)',
    onlyActor: 'Only {{actor}}',
    mineOnly: 'Only your pipelines: the last {{count}}',
    walking: 'Searching… {{pages}} of up to {{max}} pages searched',
    bounded_one: 'No new match in the {{count}} page searched. Load more to search further.',
    bounded_other: 'No new match in the {{count}} pages searched. Load more to search further.',
    mineUnavailable: "CircleCI does not list your own pipelines for this project; showing everyone's.",
  },
  /**
   * What the filters keep of everyone's pipelines: one sentence per combination of filters,
   * in plural forms (`_one`, `_other`) of `count`, the pipelines kept.
   */
  coverage: {
    status_one: '{{count}} {{status}} pipeline among the last {{loaded}} loaded',
    status_other: '{{count}} {{status}} pipelines among the last {{loaded}} loaded',
    workflow_one: '{{count}} pipeline with workflow {{workflow}} among the last {{loaded}} loaded',
    workflow_other: '{{count}} pipelines with workflow {{workflow}} among the last {{loaded}} loaded',
    actor_one: '{{count}} pipeline triggered by {{actor}} among the last {{loaded}} loaded',
    actor_other: '{{count}} pipelines triggered by {{actor}} among the last {{loaded}} loaded',
    statusWorkflow_one: '{{count}} {{status}} pipeline with workflow {{workflow}} among the last {{loaded}} loaded',
    statusWorkflow_other: '{{count}} {{status}} pipelines with workflow {{workflow}} among the last {{loaded}} loaded',
    statusActor_one: '{{count}} {{status}} pipeline triggered by {{actor}} among the last {{loaded}} loaded',
    statusActor_other: '{{count}} {{status}} pipelines triggered by {{actor}} among the last {{loaded}} loaded',
    workflowActor_one:
      '{{count}} pipeline with workflow {{workflow}} triggered by {{actor}} among the last {{loaded}} loaded',
    workflowActor_other:
      '{{count}} pipelines with workflow {{workflow}} triggered by {{actor}} among the last {{loaded}} loaded',
    statusWorkflowActor_one:
      '{{count}} {{status}} pipeline with workflow {{workflow}} triggered by {{actor}} among the last {{loaded}} loaded',
    statusWorkflowActor_other:
      '{{count}} {{status}} pipelines with workflow {{workflow}} triggered by {{actor}} among the last {{loaded}} loaded',
  },
  /** What the filters keep of the user's own pipelines: one sentence per combination of filters. */
  coverageMine: {
    status: '{{shown}} of your {{status}} pipelines among your last {{count}}',
    workflow: '{{shown}} of your pipelines with workflow {{workflow}} among your last {{count}}',
    actor: '{{shown}} of your pipelines triggered by {{actor}} among your last {{count}}',
    branch: '{{shown}} of your pipelines on branch {{branch}} among your last {{count}}',
    statusWorkflow: '{{shown}} of your {{status}} pipelines with workflow {{workflow}} among your last {{count}}',
    statusActor: '{{shown}} of your {{status}} pipelines triggered by {{actor}} among your last {{count}}',
    statusBranch: '{{shown}} of your {{status}} pipelines on branch {{branch}} among your last {{count}}',
    workflowActor:
      '{{shown}} of your pipelines with workflow {{workflow}} triggered by {{actor}} among your last {{count}}',
    workflowBranch:
      '{{shown}} of your pipelines with workflow {{workflow}} on branch {{branch}} among your last {{count}}',
    actorBranch: '{{shown}} of your pipelines triggered by {{actor}} on branch {{branch}} among your last {{count}}',
    statusWorkflowActor:
      '{{shown}} of your {{status}} pipelines with workflow {{workflow}} triggered by {{actor}} among your last {{count}}',
    statusWorkflowBranch:
      '{{shown}} of your {{status}} pipelines with workflow {{workflow}} on branch {{branch}} among your last {{count}}',
    statusActorBranch:
      '{{shown}} of your {{status}} pipelines triggered by {{actor}} on branch {{branch}} among your last {{count}}',
    workflowActorBranch:
      '{{shown}} of your pipelines with workflow {{workflow}} triggered by {{actor}} on branch {{branch}} among your last {{count}}',
    statusWorkflowActorBranch:
      '{{shown}} of your {{status}} pipelines with workflow {{workflow}} triggered by {{actor}} on branch {{branch}} among your last {{count}}',
  },
  workflowScope: {
    invalid:
      'The circleci.com/workflows annotation "{{value}}" is not a comma-separated list of workflow names or simple globs (letters, digits, "_", "-", ".", "/", "*", "?").',
    hidden_one: '{{count}} pipeline without the workflows {{patterns}} is hidden',
    hidden_other: '{{count}} pipelines without the workflows {{patterns}} are hidden',
  },
  branchFilter: {
    label: 'Branch',
    placeholder: 'All branches',
  },
} as const;
