/*
 * The write endpoints: rerun, cancel and approve workflows, cancel a job,
 * trigger a pipeline. They change the state; the statuses that follow are
 * computed from the current time like everything else.
 */

import { createPipeline, createWorkflow, WORKFLOW_OFFSET_MS } from './build';
import type { JobModel, ProjectModel, WorkflowModel } from './model';
import { ciJobs, type JobBlueprint } from '../data/blueprint';
import type {
  SpecError,
  SpecMessage,
  SpecPipelineCreation,
  SpecPipelineRun,
  SpecRerunAccepted,
} from '../spec/schemas';
import type { FakeState, JobRef, WorkflowRef } from './state';
import { jobStatusAt, workflowStatusAt, workflowTimes, type JobTimes } from './timeline';

/** The outcome of a write: an HTTP status and a JSON body as the spec describes it. */
export interface ActionResult {
  status: number;
  body: SpecRerunAccepted | SpecMessage | SpecPipelineCreation | SpecPipelineRun | SpecError;
}

const ACTIVE = new Set(['running', 'failing', 'on_hold']);

const error = (status: number, message: string): ActionResult => ({ status, body: { message } });

/** The body of a rerun request. */
export interface RerunBody {
  from_failed?: boolean;
  jobs?: string[];
  enable_ssh?: boolean;
  sparse_tree?: boolean;
}

function respec(job: JobModel, names: Map<string, string>): JobBlueprint {
  return {
    name: job.name,
    kind: job.kind,
    approval: job.type === 'approval',
    requires: job.dependencies.map(id => names.get(id) ?? ''),
    durationMs: job.durationMs,
    queueMs: 2000,
    outcome: job.outcome === 'unauthorized' ? 'unauthorized' : 'success',
    parallelism: job.parallelism,
    contexts: job.contexts,
    messages: job.messages,
    hostileArtifacts: job.hostileArtifacts,
  };
}

const optional = (value: unknown, type: 'string' | 'boolean'): boolean =>
  value === undefined || typeof value === type;

/** Checks the types of a rerun body (`undefined` when invalid). */
export function parseRerunBody(b: Record<string, unknown>): RerunBody | undefined {
  if (
    !optional(b.from_failed, 'boolean') ||
    !optional(b.enable_ssh, 'boolean') ||
    !optional(b.sparse_tree, 'boolean')
  ) {
    return undefined;
  }
  if (b.jobs !== undefined && !(Array.isArray(b.jobs) && b.jobs.every(j => typeof j === 'string')))
    return undefined;
  return b as RerunBody;
}

/** Checks the types of a trigger body (`undefined` when invalid). */
export function parseTriggerBody(b: Record<string, unknown>): TriggerBody | undefined {
  if (!optional(b.branch, 'string') || !optional(b.tag, 'string')) return undefined;
  const params = b.parameters;
  if (params !== undefined) {
    if (params === null || typeof params !== 'object' || Array.isArray(params)) return undefined;
    if (!Object.values(params).every(v => ['string', 'number', 'boolean'].includes(typeof v)))
      return undefined;
  }
  return b as TriggerBody;
}

/** `POST /v2/workflow/{id}/rerun`: creates a new workflow of the same name in the same pipeline. */
export function rerunWorkflow(options: {
  state: FakeState;
  ref: WorkflowRef;
  body: RerunBody;
  t: number;
}): ActionResult {
  const { state, ref, body, t } = options;
  if (body.from_failed && body.jobs)
    return error(400, 'from_failed and jobs are mutually exclusive.');
  if ((body.enable_ssh || body.sparse_tree) && !body.jobs)
    return error(400, 'enable_ssh and sparse_tree require jobs.');
  const ids = new Set(ref.workflow.jobs.map(j => j.id));
  if (body.jobs && (body.jobs.length === 0 || body.jobs.some(id => !ids.has(id)))) {
    return error(400, 'Invalid job ids.');
  }
  const names = new Map(ref.workflow.jobs.map(j => [j.id, j.name]));
  const workflow = createWorkflow({
    spec: { name: ref.workflow.name, jobs: ref.workflow.jobs.map(job => respec(job, names)) },
    random: state.random,
    project: ref.project,
    actors: state.actors,
    createdAt: t,
    startedBy: state.me,
    rerunOf: ref.workflow.id,
  });
  ref.pipeline.workflows.push(workflow);
  state.index({ project: ref.project, pipeline: ref.pipeline });
  return { status: 202, body: { workflow_id: workflow.id } };
}

/** `POST /v2/workflow/{id}/cancel`: unfinished jobs become canceled. */
export function cancelWorkflow(options: {
  state: FakeState;
  ref: WorkflowRef;
  t: number;
}): ActionResult {
  const { workflow } = options.ref;
  const status = workflowStatusAt({ workflow, times: workflowTimes(workflow), t: options.t });
  if (ACTIVE.has(status) && workflow.canceledAt === undefined) {
    workflow.canceledAt = options.t;
    workflow.canceledBy = options.state.me.id;
  }
  return { status: 202, body: { message: 'Accepted.' } };
}

/** `POST /v2/workflow/{id}/approve/{approval_request_id}`. */
export function approveJob(options: {
  state: FakeState;
  ref: WorkflowRef;
  approvalRequestId: string;
  t: number;
}): ActionResult {
  const { workflow } = options.ref;
  const job = workflow.jobs.find(
    j =>
      j.type === 'approval' &&
      (j.approvalRequestId === options.approvalRequestId || j.id === options.approvalRequestId),
  );
  if (!job) return error(404, 'Not found');
  const times = workflowTimes(workflow).get(job.id) as JobTimes;
  if (jobStatusAt({ job, times, t: options.t }) !== 'on_hold')
    return error(400, 'Job is not on hold.');
  job.approvedAt = options.t;
  job.approvedBy = options.state.me.id;
  return { status: 202, body: { message: 'Accepted.' } };
}

/** `POST /v2/project/{slug}/job/{n}/cancel`. */
export function cancelJob(options: { state: FakeState; ref: JobRef; t: number }): ActionResult {
  const { workflow, job } = options.ref;
  const times = workflowTimes(workflow).get(job.id) as JobTimes;
  const status = jobStatusAt({ job, times, t: options.t });
  if (
    ['running', 'queued', 'blocked', 'on_hold'].includes(status) &&
    job.canceledAt === undefined
  ) {
    job.canceledAt = options.t;
    job.canceledBy = options.state.me.id;
  }
  return { status: 200, body: { message: 'Accepted.' } };
}

/** The body of a trigger request. */
export interface TriggerBody {
  branch?: string;
  tag?: string;
  parameters?: Record<string, string | number | boolean>;
}

/** `POST /v2/project/{slug}/pipeline`: a new pipeline with a running workflow. */
export function triggerPipeline(options: {
  state: FakeState;
  project: ProjectModel;
  body: TriggerBody;
  t: number;
}): ActionResult {
  const { state, project, body, t } = options;
  if (body.branch !== undefined && body.tag !== undefined)
    return error(400, 'branch and tag are mutually exclusive.');
  const pipeline = createPipeline({
    spec: {
      agoMs: 0,
      branch: body.branch,
      tag: body.tag,
      actor: 'ada',
      trigger: 'api',
      commit: { subject: 'Triggered via the API', body: null },
      workflows: [{ name: 'build-and-test', jobs: ciJobs(), offsetMs: WORKFLOW_OFFSET_MS }],
    },
    random: state.random,
    project,
    actors: state.actors,
    createdAt: t,
  });
  pipeline.parameters = body.parameters ?? {};
  project.pipelines.push(pipeline);
  state.index({ project, pipeline });
  return {
    status: 201,
    body: {
      id: pipeline.id,
      state: 'created',
      number: pipeline.number,
      created_at: new Date(t).toISOString(),
    },
  };
}

/** The workflows of a project that are still running at `t` (helper for tests). */
export function activeWorkflows(options: { project: ProjectModel; t: number }): WorkflowModel[] {
  return options.project.pipelines.flatMap(p =>
    p.workflows.filter(w =>
      ACTIVE.has(workflowStatusAt({ workflow: w, times: workflowTimes(w), t: options.t })),
    ),
  );
}
