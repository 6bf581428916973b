/*
 * API v1.1 build details (`GET /v1.1/project/{vcs}/{org}/{repo}/{n}`),
 * with the same keys as the real response in
 * /work/shared/reference/v1.1/get-build-details.ci_runner-job.json.
 */

import type { ActorModel } from '../sim/model';
import { hashSeed } from '../sim/random';
import type { JobRef } from '../sim/state';
import { v1VcsType } from '../sim/state';
import { stepRuns, type StepRun } from '../sim/steps';
import { isoMillis, jobStatusAt, workflowTimes, type JobTimes } from '../sim/timeline';

/** The v1.1 `status`, `lifecycle` and `outcome` of a v2 job status. */
export function v1Status(status: string): {
  status: string;
  lifecycle: string;
  outcome: string | null;
} {
  switch (status) {
    case 'success':
    case 'failed':
    case 'canceled':
    case 'infrastructure_fail':
    case 'timedout':
      return { status, lifecycle: 'finished', outcome: status };
    case 'running':
      return { status: 'running', lifecycle: 'running', outcome: null };
    case 'queued':
      return { status: 'queued', lifecycle: 'queued', outcome: null };
    case 'blocked':
      return { status: 'not_running', lifecycle: 'not_running', outcome: null };
    default:
      return { status: 'not_run', lifecycle: 'not_run', outcome: null };
  }
}

const hex = (options: { value: string; salt: string; length: number }): string => {
  let out = '';
  let i = 0;
  while (out.length < options.length) {
    out += hashSeed({ seed: i++, salt: `${options.salt}:${options.value}` })
      .toString(16)
      .padStart(8, '0');
  }
  return out.slice(0, options.length);
};

function actionJson(options: { run: StepRun; jobId: string }): Record<string, unknown> {
  const { run, jobId } = options;
  const { step } = run;
  return {
    truncated: false,
    index: run.container,
    parallel: true,
    failed: run.failed ? true : null,
    infrastructure_fail: run.infrastructureFail ? true : null,
    name: step.name,
    bash_command: step.bashCommand,
    status: run.status,
    timedout: run.timedout ? true : null,
    continue: null,
    end_time: run.endAt === null ? null : isoMillis(run.endAt),
    type: 'test',
    allocation_id: `${hex({ value: jobId, salt: 'alloc', length: 24 })}-${run.container}-build/${hex({ value: jobId, salt: 'b', length: 8 }).toUpperCase()}`,
    output_url: step.hasOutput
      ? `https://circle-production-action-output.s3.amazonaws.com/${hex({ value: `${jobId}/${run.container}/${step.number}`, salt: 'out', length: 24 })}`
      : null,
    start_time: isoMillis(run.startAt),
    background: step.background,
    exit_code: run.exitCode,
    insignificant: false,
    canceled: run.canceled ? true : null,
    step: step.number,
    run_time_millis: run.endAt === null ? null : Math.round(run.endAt - run.startAt),
    has_output: step.hasOutput,
  };
}

/** The v1.1 build details of a build job at time `t`. */
export function buildDetailsJson(options: {
  ref: JobRef;
  t: number;
  actors: readonly ActorModel[];
}): Record<string, unknown> {
  const { ref, t } = options;
  const { project, pipeline, workflow, job } = ref;
  const times = workflowTimes(workflow).get(job.id) as JobTimes;
  const v2Status = jobStatusAt({ job, times, t });
  const { status, lifecycle, outcome } = v1Status(v2Status);
  const started = t >= times.startAt;
  const finished = t >= times.doneAt;
  const steps = new Map<number, { name: string; actions: Array<Record<string, unknown>> }>();
  for (let container = 0; container < job.parallelism; container++) {
    for (const run of stepRuns({ job, times, t, container })) {
      const entry = steps.get(run.step.number) ?? { name: run.step.name, actions: [] };
      entry.actions.push(actionJson({ run, jobId: job.id }));
      steps.set(run.step.number, entry);
    }
  }
  const vcsType = v1VcsType(project.vcs);
  const actor = pipeline.actor;
  const commitDate = isoMillis(pipeline.createdAt - 45_000);
  const subject = pipeline.vcs?.commit.subject ?? null;
  const body = pipeline.vcs?.commit.body ?? null;
  const revision = pipeline.vcs?.revision ?? null;
  const userId = hashSeed({ seed: 7, salt: actor.login }) % 10_000_000;
  const canceledBy = job.canceledBy ?? workflow.canceledBy;
  const canceler = options.actors.find(a => a.id === canceledBy);
  const upstream = job.dependencies;
  return {
    compare: null,
    previous_successful_build: null,
    build_parameters: {},
    oss: false,
    all_commit_details_truncated: false,
    committer_date: revision ? commitDate : null,
    steps: [...steps.values()],
    body,
    usage_queued_at: isoMillis(workflow.createdAt),
    context_ids: job.contexts,
    fail_reason: null,
    retry_of: null,
    reponame: project.repo,
    ssh_users: [],
    build_url: `https://circleci.com/${project.vcs}/${project.org}/${project.repo}/${job.number}`,
    parallel: job.parallelism,
    failed: finished ? v2Status !== 'success' : null,
    branch: pipeline.vcs?.branch ?? null,
    username: project.org,
    author_date: revision ? commitDate : null,
    why: pipeline.triggerType === 'webhook' ? vcsType : 'api',
    user: {
      is_user: !actor.login.endsWith('[bot]'),
      login: actor.login,
      avatar_url: actor.avatarUrl,
      name: actor.name,
      vcs_type: vcsType,
      id: userId,
    },
    vcs_revision: revision,
    workflows: {
      job_name: job.name,
      job_id: job.id,
      workflow_id: workflow.id,
      workspace_id: workflow.id,
      upstream_job_ids: upstream,
      upstream_concurrency_map: {},
      workflow_name: workflow.name,
    },
    owners: [actor.login],
    vcs_tag: pipeline.vcs?.tag ?? null,
    pull_requests: [],
    build_num: job.number,
    infrastructure_fail: v2Status === 'infrastructure_fail',
    committer_email: actor.email,
    has_artifacts: job.artifacts.length > 0,
    previous: null,
    status,
    committer_name: actor.name,
    retries: null,
    subject,
    vcs_type: vcsType,
    timedout: v2Status === 'timedout',
    dont_build: null,
    lifecycle,
    stop_time: started && finished ? isoMillis(times.doneAt) : null,
    ssh_disabled: true,
    build_time_millis: started && finished ? Math.round(times.doneAt - times.startAt) : null,
    picard: {
      executor: job.executorType,
      resource_class:
        job.resourceClass === 'large'
          ? { class: 'large', name: 'Large', cpu: 4, ram: 8192 }
          : { class: 'medium', name: 'Medium', cpu: 2, ram: 4096 },
    },
    circle_yml: {
      string: `version: 2.1\njobs:\n  ${job.name}:\n    docker:\n      - image: cimg/node:20.11\n    parallelism: ${job.parallelism}\n`,
    },
    messages: job.messages,
    is_first_green_build: false,
    job_name: null,
    start_time: started ? isoMillis(times.startAt) : null,
    canceler:
      v2Status === 'canceled' && canceler
        ? {
            login: canceler.login,
            name: canceler.name,
            avatar_url: canceler.avatarUrl,
            is_user: true,
          }
        : null,
    all_commit_details: revision
      ? [
          {
            committer_date: commitDate,
            body,
            branch: pipeline.vcs?.branch ?? null,
            author_date: commitDate,
            committer_email: actor.email,
            commit: revision,
            committer_login: actor.login,
            committer_name: actor.name,
            subject,
            commit_url: `${project.vcsUrl}/commit/${revision}`,
            author_login: actor.login,
            author_name: actor.name,
            author_email: actor.email,
          },
        ]
      : [],
    platform: '2.0',
    outcome,
    vcs_url: project.vcsUrl,
    author_name: actor.name,
    node: null,
    queued_at: isoMillis(Number.isFinite(times.readyAt) ? times.readyAt : workflow.createdAt),
    canceled: v2Status === 'canceled',
    author_email: actor.email,
  };
}
