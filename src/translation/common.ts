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
    searching: 'Searching… {{count}} pipelines looked at',
    notFound: 'Not found in the last {{count}} pipelines.',
    foundAmong: '{{matches}} pipelines of this commit among the last {{count}} looked at.',
    searchFurther: 'Search further',
    onBranch: 'Only branch {{branch}}.',
  },
  commitStatus: {
    searching: 'Looking for CircleCI builds…',
    none: 'No CircleCI build found in the last {{count}} pipelines',
    unavailable: 'CircleCI status unavailable: {{reason}}',
    builds: '{{count}} builds',
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
    onlyActor: 'Only {{actor}}',
    mineOnly: 'Only your pipelines: the last {{count}}',
    walking: 'Searching… {{pages}} of up to {{max}} pages searched',
    bounded: 'No new match in the {{pages}} pages searched. Load more to search further.',
    mineUnavailable: "CircleCI does not list your own pipelines for this project; showing everyone's.",
  },
  /** What the filters keep of everyone's pipelines: one sentence per combination of filters. */
  coverage: {
    status: '{{shown}} {{status}} pipelines among the last {{count}} loaded',
    workflow: '{{shown}} pipelines with workflow {{workflow}} among the last {{count}} loaded',
    actor: '{{shown}} pipelines triggered by {{actor}} among the last {{count}} loaded',
    statusWorkflow: '{{shown}} {{status}} pipelines with workflow {{workflow}} among the last {{count}} loaded',
    statusActor: '{{shown}} {{status}} pipelines triggered by {{actor}} among the last {{count}} loaded',
    workflowActor:
      '{{shown}} pipelines with workflow {{workflow}} triggered by {{actor}} among the last {{count}} loaded',
    statusWorkflowActor:
      '{{shown}} {{status}} pipelines with workflow {{workflow}} triggered by {{actor}} among the last {{count}} loaded',
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
    hidden: '{{count}} pipelines without the workflows {{patterns}} are hidden',
  },
  branchFilter: {
    label: 'Branch',
    placeholder: 'All branches',
  },
} as const;
