/*
 * API v2 response bodies of jobs: a workflow's job list and job details,
 * typed against the OpenAPI subset (`spec/schemas.ts`) with the documented
 * widenings (`started_at: null`, `status: null` with the `jobStatusNull`
 * quirk).
 */

import type { FakeQuirks } from '../failures/quirks';
import type { JobModel } from '../sim/model';
import type { JobRef, WorkflowRef } from '../sim/state';
import { isoMillis, isoSeconds, jobStatusAt, workflowTimes, type JobTimes } from '../sim/timeline';
import type {
  JobDetailsBody,
  SpecJobDetails,
  SpecJobStatus,
  WorkflowJobBody,
} from '../spec/schemas';
import { jobWebUrl } from './serialize-v2';

interface JobState {
  status: SpecJobStatus;
  times: JobTimes;
  started: boolean;
  finished: boolean;
}

function jobState(options: { job: JobModel; times: Map<string, JobTimes>; t: number }): JobState {
  const times = options.times.get(options.job.id) as JobTimes;
  const status = jobStatusAt({ job: options.job, times, t: options.t });
  return {
    status,
    times,
    started: options.job.type === 'build' && options.t >= times.startAt,
    finished: options.t >= times.doneAt,
  };
}

/** The status a job is sent with: `null` for the `jobStatusNull` quirk's job while it is on. */
function sentStatus(options: {
  job: JobModel;
  status: SpecJobStatus;
  quirks: FakeQuirks;
}): SpecJobStatus | null {
  return options.job.nullStatusQuirk && options.quirks.jobStatusNull ? null : options.status;
}

/** The items of `GET /v2/workflow/{id}/job`. */
export function workflowJobsJson(options: {
  ref: WorkflowRef;
  t: number;
  quirks: FakeQuirks;
}): WorkflowJobBody[] {
  const { project, workflow } = options.ref;
  const times = workflowTimes(workflow);
  return workflow.jobs.map(job => {
    const s = jobState({ job, times, t: options.t });
    const out: WorkflowJobBody = {
      dependencies: job.dependencies,
      id: job.id,
      started_at: s.started ? isoSeconds(s.times.startAt) : null,
      name: job.name,
      project_slug: project.slug,
      status: sentStatus({ job, status: s.status, quirks: options.quirks }),
      type: job.type,
    };
    if (job.number !== undefined) out.job_number = job.number;
    if (s.finished && (s.started || (job.type === 'approval' && s.status === 'success'))) {
      out.stopped_at = isoSeconds(s.times.doneAt);
    } else {
      out.stopped_at = null;
    }
    if (job.approvalRequestId) out.approval_request_id = job.approvalRequestId;
    if (job.type === 'approval' && s.status === 'success' && job.approvedBy)
      out.approved_by = job.approvedBy;
    if (s.status === 'canceled') {
      const by = job.canceledBy ?? workflow.canceledBy;
      if (by) out.canceled_by = by;
    }
    return out;
  });
}

/** The status of each parallel container of a job. */
export function parallelRuns(options: {
  job: JobModel;
  status: SpecJobStatus;
}): SpecJobDetails['parallel_runs'] {
  const { job, status } = options;
  const containerStatus = (index: number): string => {
    if (status !== 'failed') return status;
    return job.failingContainers.includes(index) ? 'failed' : 'success';
  };
  return Array.from({ length: job.parallelism }, (_, index) => ({
    index,
    status: containerStatus(index),
  }));
}

/** `GET /v2/project/{slug}/job/{n}`. */
export function jobDetailsJson(options: {
  ref: JobRef;
  t: number;
  quirks: FakeQuirks;
}): JobDetailsBody {
  const { ref, t } = options;
  const { project, pipeline, workflow, job } = ref;
  const s = jobState({ job, times: workflowTimes(workflow), t });
  const queuedAt =
    Number.isFinite(s.times.readyAt) && s.times.readyAt <= t ? s.times.readyAt : workflow.createdAt;
  const out: JobDetailsBody = {
    web_url: jobWebUrl(ref),
    project: {
      id: project.id,
      slug: project.slug,
      name: project.name,
      external_url: project.vcsUrl,
    },
    parallel_runs: parallelRuns({ job, status: s.status }),
    started_at: s.started ? isoMillis(s.times.startAt) : null,
    latest_workflow: { id: workflow.id, name: workflow.name },
    name: job.name,
    executor: { resource_class: job.resourceClass, type: job.executorType },
    parallelism: job.parallelism,
    status: sentStatus({ job, status: s.status, quirks: options.quirks }),
    number: job.number as number,
    pipeline: { id: pipeline.id },
    duration: s.started && s.finished ? Math.round(s.times.doneAt - s.times.startAt) : null,
    created_at: isoMillis(workflow.createdAt),
    messages: job.messages,
    contexts: job.contexts.map(name => ({ name })),
    organization: { name: project.organizationName },
    queued_at: isoMillis(queuedAt),
  };
  out.stopped_at = s.started && s.finished ? isoMillis(s.times.doneAt) : null;
  return out;
}
