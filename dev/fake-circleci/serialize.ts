/*
 * API v2 response bodies, shaped like CircleCI's OpenAPI description and
 * the real responses in /work/shared/reference/v2.
 */

import type {
  CurrentUser,
  JobDetails,
  Pipeline,
  PipelineVcs,
  Workflow,
  WorkflowJob,
} from '../../src/api/types';
import type { ActorModel, JobModel, ProjectModel } from './model';
import type { JobRef, PipelineRef, WorkflowRef } from './state';
import { v1VcsType } from './state';
import {
  isoMillis,
  isoSeconds,
  jobStatusAt,
  workflowStatusAt,
  workflowStoppedAt,
  workflowTimes,
  type JobTimes,
} from './timeline';

/** `https://app.circleci.com/pipelines/github/acme/rocket` for a project. */
export function projectWebUrl(project: ProjectModel): string {
  return `https://app.circleci.com/pipelines/${v1VcsType(project.vcs)}/${project.org}/${project.repo}`;
}

/** The web URL of a job. */
export function jobWebUrl(ref: JobRef): string {
  return `${projectWebUrl(ref.project)}/${ref.pipeline.number}/workflows/${ref.workflow.id}/jobs/${ref.job.number}`;
}

/** `GET /v2/me`. */
export function meJson(me: ActorModel): CurrentUser & { avatar_url: string | null } {
  return { id: me.id, login: me.login, name: me.name, avatar_url: me.avatarUrl };
}

/** `GET /v2/project/{slug}`. */
export function projectJson(project: ProjectModel): Record<string, unknown> {
  return {
    slug: project.slug,
    name: project.name,
    id: project.id,
    organization_name: project.organizationName,
    organization_slug: `${project.vcs}/${project.org}`,
    organization_id: project.organizationId,
    vcs_info: {
      vcs_url: project.vcsUrl,
      provider: project.vcs === 'circleci' ? 'CircleCI' : project.providerName,
      default_branch: project.defaultBranch,
    },
  };
}

/** A pipeline (`GET /v2/pipeline/{id}` and the items of the pipeline list). */
export function pipelineJson(ref: PipelineRef): Pipeline {
  const { project, pipeline } = ref;
  const out: Pipeline = {
    id: pipeline.id,
    errors: pipeline.errors,
    project_slug: project.slug,
    updated_at: isoMillis(pipeline.createdAt),
    number: pipeline.number,
    state: pipeline.state,
    created_at: isoMillis(pipeline.createdAt),
    trigger: {
      received_at: isoMillis(pipeline.createdAt - 187),
      type: pipeline.triggerType,
      actor: { login: pipeline.actor.login, avatar_url: pipeline.actor.avatarUrl },
    },
  };
  if (pipeline.vcs) {
    const commit: NonNullable<PipelineVcs['commit']> = { body: pipeline.vcs.commit.body };
    if ('subject' in pipeline.vcs.commit) commit.subject = pipeline.vcs.commit.subject;
    const vcs: PipelineVcs = {
      origin_repository_url: project.vcsUrl,
      target_repository_url: project.vcsUrl,
      revision: pipeline.vcs.revision,
      provider_name: project.providerName,
      commit,
    };
    if (pipeline.vcs.branch !== undefined) vcs.branch = pipeline.vcs.branch;
    if (pipeline.vcs.tag !== undefined) vcs.tag = pipeline.vcs.tag;
    out.vcs = vcs;
  }
  return out;
}

/** A workflow (`GET /v2/workflow/{id}` and the items of a pipeline's workflow list). */
export function workflowJson(options: { ref: WorkflowRef; t: number }): Workflow {
  const { project, pipeline, workflow } = options.ref;
  const times = workflowTimes(workflow);
  const status = workflowStatusAt({ workflow, times, t: options.t });
  const stopped = workflowStoppedAt({ workflow, times, status });
  const out: Workflow = {
    pipeline_id: pipeline.id,
    id: workflow.id,
    name: workflow.name,
    project_slug: project.slug,
    status,
    started_by: workflow.startedBy,
    pipeline_number: pipeline.number,
    created_at: isoSeconds(workflow.createdAt),
    stopped_at: stopped === null ? null : isoSeconds(stopped),
  };
  if (status === 'canceled' && workflow.canceledBy) out.canceled_by = workflow.canceledBy;
  if (status === 'error' && workflow.erroredBy) out.errored_by = workflow.erroredBy;
  return out;
}

interface JobState {
  status: string;
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

/** The items of `GET /v2/workflow/{id}/job`. */
export function workflowJobsJson(options: { ref: WorkflowRef; t: number }): WorkflowJob[] {
  const { project, workflow } = options.ref;
  const times = workflowTimes(workflow);
  return workflow.jobs.map(job => {
    const s = jobState({ job, times, t: options.t });
    const out: WorkflowJob = {
      dependencies: job.dependencies,
      id: job.id,
      started_at: s.started ? isoSeconds(s.times.startAt) : null,
      name: job.name,
      project_slug: project.slug,
      status: s.status,
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
  status: string;
}): JobDetails['parallel_runs'] {
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
export function jobDetailsJson(options: { ref: JobRef; t: number }): JobDetails {
  const { ref, t } = options;
  const { project, pipeline, workflow, job } = ref;
  const s = jobState({ job, times: workflowTimes(workflow), t });
  const queuedAt =
    Number.isFinite(s.times.readyAt) && s.times.readyAt <= t ? s.times.readyAt : workflow.createdAt;
  const out: JobDetails = {
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
    status: s.status,
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
