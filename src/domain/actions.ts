/*
 * Which actions a workflow or job offers, and what to call them. No React
 * and no I/O.
 */
import type { JobDetails, Workflow, WorkflowJob } from '@circleci-backstage/plugin-circleci-common';
import { isApprovalJob } from './approvals';
import { type CircleCIMessage, type CircleCIMessageKey } from './messages';

/** The actions the plugin can take on CircleCI. */
export type CircleCIAction =
  | 'rerun-workflow'
  | 'rerun-workflow-from-failed'
  | 'cancel-workflow'
  | 'rerun-job'
  | 'cancel-job'
  | 'approve-job'
  | 'trigger-pipeline';

/** Which actions the admin turned on (`circleci.actions.*`). */
export interface ActionsConfig {
  /** Rerun and cancel of workflows and jobs. */
  enabled: boolean;
  /** Triggering pipelines. */
  trigger: boolean;
  /** Approving approval jobs. */
  approve: boolean;
}

/** Everything off: the default. */
export const ACTIONS_OFF: ActionsConfig = { enabled: false, trigger: false, approve: false };

/** Workflow statuses from which something failed, so "from failed" makes sense. */
const FAILED_WORKFLOW = new Set(['failed', 'failing', 'error', 'unauthorized', 'canceled']);
/** Workflow statuses that can be canceled. */
const CANCELABLE_WORKFLOW = new Set(['running', 'failing', 'on_hold']);
/** Job statuses that can be canceled. */
const CANCELABLE_JOB = new Set(['running', 'queued']);
/** Workflow statuses during which a rerun from the start asks first. */
const RUNNING_WORKFLOW = new Set(['running', 'failing', 'on_hold']);

/** True when the workflow can be rerun from its failed jobs. */
export function canRerunFromFailed(workflow: Pick<Workflow, 'status'>): boolean {
  return FAILED_WORKFLOW.has(String(workflow.status));
}

/** True when the workflow runs or waits, so it can be canceled. */
export function canCancelWorkflow(workflow: Pick<Workflow, 'status'>): boolean {
  return CANCELABLE_WORKFLOW.has(String(workflow.status));
}

/** True when a rerun from the start would replace work still running (asks first). */
export function rerunNeedsConfirmation(workflow: Pick<Workflow, 'status'>): boolean {
  return RUNNING_WORKFLOW.has(String(workflow.status));
}

/** True when the job runs or is queued, so it can be canceled. */
export function canCancelJob(job: Pick<JobDetails, 'status'>): boolean {
  return CANCELABLE_JOB.has(String(job.status ?? ''));
}

/** True when the job is an approval that waits, so it can be approved. */
export function canApprove(job: WorkflowJob): boolean {
  return isApprovalJob(job) && job.status === 'on_hold' && Boolean(job.approval_request_id);
}

/** The word for each action inside a sentence. */
const LABELS: Record<CircleCIAction, CircleCIMessageKey> = {
  'rerun-workflow': 'actions.rerun-workflow',
  'rerun-workflow-from-failed': 'actions.rerun-workflow-from-failed',
  'cancel-workflow': 'actions.cancel-workflow',
  'rerun-job': 'actions.rerun-job',
  'cancel-job': 'actions.cancel-job',
  'approve-job': 'actions.approve-job',
  'trigger-pipeline': 'actions.trigger-pipeline',
};

/** What an action is called in messages, e.g. "rerun from failed". */
export function actionLabel(action: CircleCIAction): CircleCIMessage {
  return { key: LABELS[action] };
}
