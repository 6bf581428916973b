/*
 * API v2 response bodies of the user, projects, pipelines and workflows
 * (jobs: `serialize-v2-jobs.ts`), typed against the OpenAPI subset
 * (`spec/schemas.ts`, generated from `spec/circleci-api-v2.subset.openapi.json`),
 * with the documented real-world widenings, and checked against the spec by
 * `spec/spec.test.ts`.
 */

import type { FakeQuirks } from '../failures/quirks';
import type { ActorModel, ProjectModel } from '../sim/model';
import type { JobRef, PipelineRef, WorkflowRef } from '../sim/state';
import { v1VcsType } from '../sim/state';
import {
  isoMillis,
  isoSeconds,
  workflowStatusAt,
  workflowStoppedAt,
  workflowTimes,
} from '../sim/timeline';
import type {
  MeBody,
  PipelineBody,
  PipelineCommitBody,
  PipelineVcsBody,
  SpecProject,
  WorkflowBody,
} from '../spec/schemas';

/** `https://app.circleci.com/pipelines/github/acme/rocket` for a project. */
export function projectWebUrl(project: ProjectModel): string {
  return `https://app.circleci.com/pipelines/${v1VcsType(project.vcs)}/${project.org}/${project.repo}`;
}

/** The web URL of a job. */
export function jobWebUrl(ref: JobRef): string {
  return `${projectWebUrl(ref.project)}/${ref.pipeline.number}/workflows/${ref.workflow.id}/jobs/${ref.job.number}`;
}

/** `GET /v2/me` (`name: null` with the `meNameNull` quirk). */
export function meJson(options: { me: ActorModel; quirks: FakeQuirks }): MeBody {
  const { me, quirks } = options;
  return {
    id: me.id,
    login: me.login,
    name: quirks.meNameNull ? null : me.name,
    avatar_url: me.avatarUrl,
  };
}

function providerOf(project: ProjectModel): SpecProject['vcs_info']['provider'] {
  if (project.providerName === 'GitHub' || project.providerName === 'Bitbucket')
    return project.providerName;
  // GitLab and GitHub App projects (`circleci/...` slugs) report CircleCI.
  return 'CircleCI';
}

/** `GET /v2/project/{slug}`. */
export function projectJson(project: ProjectModel): SpecProject {
  return {
    slug: project.slug,
    name: project.name,
    id: project.id,
    organization_name: project.organizationName,
    organization_slug: `${project.vcs}/${project.org}`,
    organization_id: project.organizationId,
    vcs_info: {
      vcs_url: project.vcsUrl,
      provider: project.vcs === 'circleci' ? 'CircleCI' : providerOf(project),
      default_branch: project.defaultBranch,
    },
  };
}

/** A pipeline (`GET /v2/pipeline/{id}` and the items of the pipeline list). */
export function pipelineJson(ref: PipelineRef): PipelineBody {
  const { project, pipeline } = ref;
  const out: PipelineBody = {
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
    const commit: PipelineCommitBody = { body: pipeline.vcs.commit.body };
    if ('subject' in pipeline.vcs.commit) commit.subject = pipeline.vcs.commit.subject;
    const vcs: PipelineVcsBody = {
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

/**
 * A workflow (`GET /v2/workflow/{id}` and the items of a pipeline's workflow
 * list); a stopped workflow marked for the `workflowStoppedAtEmpty` quirk has
 * `stopped_at: ""` while the quirk is on.
 */
export function workflowJson(options: {
  ref: WorkflowRef;
  t: number;
  quirks: FakeQuirks;
}): WorkflowBody {
  const { project, pipeline, workflow } = options.ref;
  const times = workflowTimes(workflow);
  const status = workflowStatusAt({ workflow, times, t: options.t });
  const stopped = workflowStoppedAt({ workflow, times, status });
  let stoppedAt = stopped === null ? null : isoSeconds(stopped);
  if (stoppedAt !== null && workflow.emptyStoppedAtQuirk && options.quirks.workflowStoppedAtEmpty)
    stoppedAt = '';
  const out: WorkflowBody = {
    pipeline_id: pipeline.id,
    id: workflow.id,
    name: workflow.name,
    project_slug: project.slug,
    status,
    started_by: workflow.startedBy,
    pipeline_number: pipeline.number,
    created_at: isoSeconds(workflow.createdAt),
    stopped_at: stoppedAt,
  };
  if (status === 'canceled' && workflow.canceledBy) out.canceled_by = workflow.canceledBy;
  if (status === 'error' && workflow.erroredBy) out.errored_by = workflow.erroredBy;
  return out;
}
