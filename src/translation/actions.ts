/*
 * Texts of the actions: the trigger dialog, the action buttons, and why an
 * action failed. Part of `circleCITranslationRef` (src/translation.ts).
 */

/** The trigger dialog, the action buttons and their failures. */
export const actionsMessages = {
  trigger: {
    open: 'Trigger pipeline',
    title: 'Trigger a pipeline of {{project}}',
    definitionsSubject: 'the pipeline definitions of {{project}}',
    definition: 'Pipeline definition',
    chooseDefinition: 'Choose a pipeline definition.',
    build: 'Build',
    branch: 'Branch',
    tag: 'Tag',
    branchName: 'Branch name',
    tagName: 'Tag name',
    defaultBranchHint: 'Empty: the default branch',
    parameters: 'Pipeline parameters',
    close: 'Close',
    submit: 'Trigger',
    submitting: 'Triggering…',
    parameterName: 'Parameter {{number}} name',
    parameterType: 'Parameter {{number}} type',
    parameterValue: 'Parameter {{number}} value',
    removeParameter: 'Remove parameter {{number}}',
    addParameter: 'Add parameter',
    /** A parameter's type, as CircleCI names it (the words of `.circleci/config.yml`). */
    type: { string: 'string', boolean: 'boolean', integer: 'integer' },
    /** A boolean parameter's values. */
    booleanTrue: 'true',
    booleanFalse: 'false',
  },
  /** Why the trigger dialog's parameters cannot be sent. */
  parameters: {
    tooMany: 'At most 100 parameters are allowed.',
    invalidName: '"{{name}}" is not a valid parameter name.',
    duplicate: 'Parameter {{name}} is given twice.',
    tooLong: 'The value of {{name}} is too long.',
    notInteger: '{{name}} must be a whole number.',
    notBoolean: '{{name}} must be true or false.',
  },
  actionButtons: {
    approve: 'Approve',
    approving: 'Approving…',
    approved: 'Approved',
    approveJob: 'Approve {{name}}',
    rerun: 'Rerun',
    rerunning: 'Rerunning…',
    cancel: 'Cancel',
    canceling: 'Canceling…',
    rerunWorkflow: 'Rerun workflow {{name}}',
    cancelWorkflow: 'Cancel workflow {{name}}',
    rerunFromStart: 'Rerun from start',
    rerunFromFailed: 'Rerun from failed',
    rerunStartedUnder: 'Rerun started. It appears under pipeline #{{number}} in a moment.',
    confirmCancelWorkflowTitle: 'Cancel workflow {{name}}?',
    confirmCancelWorkflowDescription: 'This cancels workflow {{name}} of {{project}}: its running and waiting jobs stop.',
    confirmCancelWorkflowLabel: 'Cancel workflow',
    confirmRerunTitle: 'Rerun workflow {{name}} from the start?',
    confirmRerunDescription:
      'Workflow {{name}} of {{project}} is still running. A rerun from the start runs every job again in a new workflow; the running one is not stopped.',
    rerunJob: 'Rerun this job',
    cancelJob: 'Cancel job',
    rerunJobStarted: 'Rerun started. The new workflow appears in the pipelines list in a moment.',
    confirmCancelJobTitle: 'Cancel job {{name}}?',
    confirmCancelJobDescription: 'This cancels job {{name}} #{{number}} of workflow {{workflow}} in {{project}}.',
  },
  /**
   * Why a control is disabled: the permission framework does not let the
   * user act through this entity (backend mode only).
   */
  actionPermission: {
    deniedOperate:
      'You may not rerun or cancel work on this entity: your Backstage permission policy does not allow it.',
    deniedApprove: 'You may not approve jobs on this entity: your Backstage permission policy does not allow it.',
    deniedTrigger:
      'You may not trigger pipelines on this entity: your Backstage permission policy does not allow it.',
    unknown: 'Backstage could not check whether you may do this. Reload the page to try again.',
  },
  /** What an action is called inside a sentence. */
  actions: {
    'rerun-workflow': 'rerun',
    'rerun-workflow-from-failed': 'rerun from failed',
    'cancel-workflow': 'cancel',
    'rerun-job': 'rerun of the job',
    'cancel-job': 'cancel of the job',
    'approve-job': 'approval',
    'trigger-pipeline': 'trigger',
  },
  /** Why an action failed. */
  actionErrors: {
    otherTitle: 'The {{action}} failed: {{reason}}',
    backstageAuthTitle: 'Not signed in to Backstage',
    backstageAuthMessage: 'The Backstage proxy refused the request: sign in again, then retry.',
    proxyTokenTitle: "CircleCI rejected the proxy's token",
    proxyTokenMessage:
      'The Circle-Token that the Backstage proxy sends is missing, expired or revoked. Ask your Backstage admin to set CIRCLECI_AUTH_TOKEN to a valid CircleCI API token.',
    forbiddenTitle: 'Not allowed on this project',
    forbiddenMessage:
      "Actions run as the CircleCI user who owns the proxy's token, and that user may not do a {{action}} on {{project}}. Give that user write access to the project on CircleCI.",
    forbiddenMessageSaid:
      "Actions run as the CircleCI user who owns the proxy's token, and that user may not do a {{action}} on {{project}}. Give that user write access to the project on CircleCI. CircleCI said: {{message}}",
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
    /** CircleCI's own reason, as it sent it. */
    rejectedReason: '{{message}}',
    /** The CircleCI backend plugin's refusals, by their `reason`. */
    permissionDeniedTitle: 'Not allowed by your Backstage permissions',
    permissionDeniedMessage:
      'You may not do a {{action}} on this entity: your Backstage permission policy does not allow it.',
    entityMismatchTitle: 'This entity is not about {{project}}',
    entityMismatchMessage:
      "The circleci.com/project-slug annotation of this catalog entity does not name {{project}}, so the {{action}} cannot be done through it.",
    actionsOffTitle: 'Actions are turned off',
    actionsOffMessage:
      'The Backstage backend does not forward actions to CircleCI (circleci.actions.enabled is off there), although this page offers them. Ask your Backstage admin to turn actions on in the backend, or off in the app.',
    servicePrincipalTitle: 'Services may not act',
    servicePrincipalMessage:
      'The request reached the CircleCI backend as a service, not as you, and services may not act on CircleCI here (circleci.actions.allowServicePrincipals).',
    entityMissingTitle: 'The request named no catalog entity',
    entityMissingMessage:
      'The CircleCI backend needs the catalog entity you act through, and the request did not name it (or named it wrongly). Reload the page; if it happens again, the frontend and backend CircleCI plugins are of different versions.',
    notVisibleTitle: 'Project not visible to you',
    notVisibleMessage:
      'No catalog entity you can read names {{project}}, so Backstage does not let you see or act on it.',
    entityNotFoundTitle: 'Entity not found',
    entityNotFoundMessage:
      'You cannot read this entity in the catalog (any more), so you cannot act through it. Reload the page.',
  },
} as const;
