/*
 * Approval jobs: a workflow waits at them until a person approves.
 */
import type { WorkflowJob } from '@circleci-backstage/plugin-circleci-common';
import { type CircleCIMessage, msg } from './messages';

/** True for an approval job, which has no job page, log or number. */
export function isApprovalJob(job: Pick<WorkflowJob, 'type'>): boolean {
  return job.type === 'approval';
}

/**
 * The label of an approval job's status: `Approved` or `Waiting for
 * approval`; undefined for other jobs and other statuses (which keep
 * their status' own label).
 */
export function approvalLabel(job: Pick<WorkflowJob, 'type' | 'status'>): CircleCIMessage | undefined {
  if (!isApprovalJob(job)) return undefined;
  if (job.status === 'success') return msg('domain.approved');
  if (job.status === 'on_hold') return msg('domain.waitingForApproval');
  return undefined;
}
