/*
 * Which workflows and jobs completed since the last look. Statuses are
 * derived from time (see `timeline.ts`), so nothing announces a completion:
 * a watch compares each look with the one before. Work already finished at
 * the first look (or when a new state replaced the old, after a reset) is
 * not reported; neither are jobs already finished when their workflow is
 * first seen (a rerun from failed carries the jobs that passed).
 */

import type { JobModel } from './model';
import type { FakeState, WorkflowRef } from './state';
import { jobStatusAt, workflowStatusAt, workflowStoppedAt, workflowTimes } from './timeline';

/** One completion, as CircleCI's outbound webhooks report it. */
export interface Completion {
  type: 'workflow-completed' | 'job-completed';
  ref: WorkflowRef;
  /** The job (job events). */
  job?: JobModel;
  /** The final status of the workflow or the job. */
  status: string;
  /** When it completed (fake clock, epoch ms). */
  doneAt: number;
  /** When the job started, if it ran (job events). */
  startedAt?: number;
}

/** Looks at the state again and again, reporting what completed in between. */
export interface CompletionWatch {
  /** The completions since the last call, oldest first (none at the first call). */
  poll(options: { state: FakeState; t: number }): Completion[];
}

/** Creates a watch; its first `poll` only takes note of what is already done. */
export function createCompletionWatch(): CompletionWatch {
  let watched: FakeState | undefined;
  let known = new Set<string>();
  let doneWorkflows = new Set<string>();
  let doneJobs = new Set<string>();

  return {
    poll({ state, t }) {
      const first = watched !== state;
      if (first) {
        watched = state;
        known = new Set();
        doneWorkflows = new Set();
        doneJobs = new Set();
      }
      const out: Completion[] = [];
      for (const project of state.projects) {
        for (const pipeline of project.pipelines) {
          for (const workflow of pipeline.workflows) {
            if (doneWorkflows.has(workflow.id)) continue;
            const report = !first && known.has(workflow.id);
            known.add(workflow.id);
            const ref: WorkflowRef = { project, pipeline, workflow };
            const times = workflowTimes(workflow);
            for (const job of workflow.jobs) {
              const jobTimes = times.get(job.id);
              const key = `${workflow.id}/${job.id}`;
              if (!jobTimes || doneJobs.has(key) || t < jobTimes.doneAt) continue;
              doneJobs.add(key);
              const status = jobStatusAt({ job, times: jobTimes, t });
              // Approvals and jobs that never ran are not reported (CircleCI reports jobs that ran).
              if (!report || job.type !== 'build' || job.number === undefined || status === 'not_run') continue;
              const startedAt = Number.isFinite(jobTimes.startAt) ? jobTimes.startAt : undefined;
              out.push({ type: 'job-completed', ref, job, status, doneAt: jobTimes.doneAt, startedAt });
            }
            const status = workflowStatusAt({ workflow, times, t });
            const stopped = workflowStoppedAt({ workflow, times, status });
            if (stopped === null) continue;
            doneWorkflows.add(workflow.id);
            if (report) out.push({ type: 'workflow-completed', ref, status, doneAt: stopped });
          }
        }
      }
      // Oldest first; at the same time, a workflow's jobs before the workflow.
      const rank = (c: Completion) => (c.type === 'job-completed' ? 0 : 1);
      return out.sort((a, b) => a.doneAt - b.doneAt || rank(a) - rank(b));
    },
  };
}
