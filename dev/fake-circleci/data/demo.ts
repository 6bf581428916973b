/*
 * Named facts about the demo data, so tests can refer to "the huge-log job"
 * instead of hard-coding numbers. The numbers do not depend on the seed.
 */

import type { JobModel, PipelineModel, ProjectModel, WorkflowModel } from '../sim/model';
import type { SpecPipelineError } from '../spec/schemas';
import { CONFIG_COMPILE_ERROR, CONFIG_FETCH_ERROR } from './pipeline-errors';
import { STANDALONE_FAILURE } from './projects';
import { MONOREPO, MONOREPO_MERGE_K, MONOREPO_REBUILD_K, MONOREPO_WORKFLOWS } from './monorepo';
import { ANSI_SOUP_SUBJECT, HOSTILE_BRANCH } from './rocket';
import type { FakeState } from '../sim/state';
import { mainStepNumber } from '../sim/steps';
import { HOSTILE_ARTIFACT_URL, ROCKET_FAILURE } from './results';

/** A job of the demo data. */
export interface DemoJob {
  projectSlug: string;
  jobNumber: number;
  jobName: string;
  pipelineNumber: number;
  workflowId: string;
  /** The step number of the job's main step (the one that fails, or the huge log). */
  step: number;
}

/** A workflow of the demo data. */
export interface DemoWorkflow {
  projectSlug: string;
  pipelineNumber: number;
  workflowId: string;
  name: string;
}

/** An errored pipeline of the demo data (`state: errored`, no workflows). */
export interface DemoErroredPipeline {
  projectSlug: string;
  pipelineNumber: number;
  pipelineId: string;
  /** Its `errors`, as served. */
  errors: SpecPipelineError[];
  /** It is among the newest 20 (the first page of the pipeline list). */
  onFirstPage: boolean;
}

/** Facts about the demo data. */
export interface DemoFacts {
  /** Project slugs. */
  slugs: {
    rocket: string;
    standalone: string;
    bucket: string;
    monoApi: string;
    monoWeb: string;
    empty: string;
    /** One project serving two components, 230 quiet pipelines (see `data/monorepo.ts`). */
    monorepo: string;
    /** The project no demo catalog entity names (see `data/secret.ts`). */
    secret: string;
  };
  /** `gh/acme/secret`, which no demo entity names: ids to reach it by. */
  secret: {
    projectSlug: string;
    /** Its newest pipeline (a workflow on hold for an approval). */
    pipelineId: string;
    pipelineNumber: number;
    /** The workflow of its failed test job. */
    failedWorkflowId: string;
    /** Its failed test job. */
    failedJob: DemoJob;
    /** The approval on hold. */
    approval: { workflowId: string; approvalRequestId: string };
  };
  /** `gh/acme/monorepo`: its components' workflows and its commits built twice. */
  monorepo: {
    /** The workflow names of each component (`api-*` and `web-*`). */
    workflows: { api: readonly string[]; web: readonly string[] };
    /** Pipelines, newest first, that build one commit twice on `main` (the newer re-triggered by hand). */
    rebuild: [number, number];
    /** Pipelines, newest first, that build one commit on `main` and, before, on a feature branch. */
    merge: [number, number];
    /** Pipelines in all. */
    pipelineCount: number;
  };
  /** The job whose main step log has ~200,000 lines (~20 MB). */
  hugeLogJob: DemoJob;
  /** The job with `parallelism: 16`; container `failingContainer` fails. */
  parallelJob: DemoJob & { parallelism: number; failingContainer: number };
  /** The failed job whose log has `FAIL src/rocket.test.ts` and `Error: expected 42 but got 41`. */
  failingJob: DemoJob & { failingLines: string[] };
  /** The failed job of the `circleci/...` project. */
  standaloneFailingJob: DemoJob & { failingLines: string[] };
  /** The job whose log endpoint answers 404 for every step. */
  missingLogJob: DemoJob;
  /** A step without output (`has_output: false`; its log is an empty 200). */
  noOutputStep: DemoJob;
  /** The approval job on hold at the start time. */
  approval: DemoJob & { approvalRequestId: string; jobId: string };
  /** The test job with hostile artifacts (a `javascript:` url). */
  hostileArtifactsJob: DemoJob;
  /** Pipeline numbers of `gh/acme/rocket`. */
  pipelines: {
    hostileBranch: number;
    ansiSubject: number;
    tag: number;
    noVcs: number[];
    nullSubject: number;
    missingSubject: number;
    rerun: number;
    /** The newest errored pipeline (= `erroredPipelines.configFetch.pipelineNumber`). */
    errored: number;
    manyWorkflows: number;
    manyJobs: number;
  };
  /** The errored pipelines of `gh/acme/rocket` (config errors, no workflows). */
  erroredPipelines: {
    /** `config-fetch`: "Failed to fetch config.yml file."; on the first page. */
    configFetch: DemoErroredPipeline;
    /** `config`: a compile error (multi-line message); on a later page. */
    configCompile: DemoErroredPipeline;
  };
  /** The targets of the quirks (see `FakeQuirks`); they look normal while the quirks are off. */
  quirks: {
    /** The job whose `status` is `null` with `jobStatusNull` (a finished `lint` job). */
    nullStatusJob: DemoJob & { jobId: string };
    /** The workflow whose `stopped_at` is `""` with `workflowStoppedAtEmpty` (finished, `not_run`). */
    emptyStoppedAtWorkflow: DemoWorkflow;
  };
  /** A workflow whose name has spaces and a slash (`deploy / eu-west-1`), and its branch. */
  slashWorkflow: DemoWorkflow & { branch: string };
  /** The `javascript:` url of one of the hostile artifacts. */
  hostileArtifactUrl: string;
  /** The branch name that is an HTML injection attempt. */
  hostileBranch: string;
  /** The commit subject made of escape sequences. */
  ansiSubject: string;
}

function findJob(options: {
  project: ProjectModel;
  test: (job: JobModel, pipeline: PipelineModel) => boolean;
}): DemoJob & { job: JobModel } {
  for (const pipeline of options.project.pipelines) {
    for (const workflow of pipeline.workflows) {
      for (const job of workflow.jobs) {
        if (options.test(job, pipeline)) {
          return {
            projectSlug: options.project.slug,
            jobNumber: job.number ?? -1,
            jobName: job.name,
            pipelineNumber: pipeline.number,
            workflowId: workflow.id,
            step: mainStepNumber(job) ?? -1,
            job,
          };
        }
      }
    }
  }
  throw new Error('fake-circleci: demo job not found');
}

const strip = <T extends { job: JobModel }>(value: T): Omit<T, 'job'> => {
  const { job: _job, ...rest } = value;
  return rest;
};

function erroredPipeline(options: {
  project: ProjectModel;
  error: SpecPipelineError;
}): DemoErroredPipeline {
  const { project } = options;
  const newestFirst = [...project.pipelines].sort((a, b) => b.number - a.number);
  const index = newestFirst.findIndex(p => p.errors.includes(options.error));
  const pipeline = newestFirst[index];
  if (!pipeline) throw new Error('fake-circleci: demo errored pipeline not found');
  return {
    projectSlug: project.slug,
    pipelineNumber: pipeline.number,
    pipelineId: pipeline.id,
    errors: pipeline.errors.map(e => ({ ...e })),
    onFirstPage: index < 20,
  };
}

function findWorkflow(options: {
  project: ProjectModel;
  test: (workflow: WorkflowModel) => boolean;
}): DemoWorkflow {
  for (const pipeline of options.project.pipelines) {
    const workflow = pipeline.workflows.find(options.test);
    if (workflow) {
      return {
        projectSlug: options.project.slug,
        pipelineNumber: pipeline.number,
        workflowId: workflow.id,
        name: workflow.name,
      };
    }
  }
  throw new Error('fake-circleci: demo workflow not found');
}

function pipelineNumbers(project: ProjectModel, test: (p: PipelineModel) => boolean): number[] {
  return project.pipelines.filter(test).map(p => p.number);
}

const MONOREPO_FIRST_NUMBER = MONOREPO.firstPipelineNumber;

function monorepoFacts(project: ProjectModel): DemoFacts['monorepo'] {
  const newest = project.pipelines.length - 1 + MONOREPO_FIRST_NUMBER;
  const number = (k: number) => newest - k;
  return {
    workflows: MONOREPO_WORKFLOWS,
    rebuild: [number(MONOREPO_REBUILD_K), number(MONOREPO_REBUILD_K + 1)],
    merge: [number(MONOREPO_MERGE_K), number(MONOREPO_MERGE_K + 2)],
    pipelineCount: project.pipelines.length,
  };
}

function slashWorkflow(project: ProjectModel): DemoFacts['slashWorkflow'] {
  const workflow = findWorkflow({ project, test: w => w.name === 'deploy / eu-west-1' });
  const pipeline = project.pipelines.find(p => p.number === workflow.pipelineNumber);
  return { ...workflow, branch: pipeline?.vcs?.branch ?? '' };
}

function secretFacts(project: ProjectModel): DemoFacts['secret'] {
  const failed = findJob({ project, test: job => job.outcome === 'failed' });
  const approval = findJob({ project, test: job => job.type === 'approval' && job.approvedAt === undefined });
  const newest = project.pipelines.reduce((a, b) => (b.number > a.number ? b : a));
  return {
    projectSlug: project.slug,
    pipelineId: newest.id,
    pipelineNumber: newest.number,
    failedWorkflowId: failed.workflowId,
    failedJob: strip(failed),
    approval: { workflowId: approval.workflowId, approvalRequestId: approval.job.approvalRequestId ?? '' },
  };
}

/** Computes the facts from a freshly built state. */
export function demoFacts(state: FakeState): DemoFacts {
  const [rocket, standalone, bucket, monoApi, monoWeb, empty, monorepo, secret] = state.projects;
  const inRocket = (test: (job: JobModel, pipeline: PipelineModel) => boolean) =>
    findJob({ project: rocket, test });
  const approval = inRocket(job => job.type === 'approval' && job.approvedAt === undefined);
  const parallel = inRocket(job => job.parallelism === 16);
  const noOutput = inRocket(job => job.kind === 'build' && job.outcome === 'success');
  const first = (numbers: number[]) => numbers[0];
  const configFetch = erroredPipeline({ project: rocket, error: CONFIG_FETCH_ERROR });
  const nullStatus = inRocket(job => job.nullStatusQuirk === true);
  return {
    slugs: {
      rocket: rocket.slug,
      standalone: standalone.slug,
      bucket: bucket.slug,
      monoApi: monoApi.slug,
      monoWeb: monoWeb.slug,
      empty: empty.slug,
      monorepo: monorepo.slug,
      secret: secret.slug,
    },
    monorepo: monorepoFacts(monorepo),
    secret: secretFacts(secret),
    hugeLogJob: strip(inRocket(job => job.kind === 'e2e')),
    parallelJob: {
      ...strip(parallel),
      parallelism: 16,
      failingContainer: parallel.job.failingContainers[0],
    },
    failingJob: {
      ...strip(inRocket(job => job.failure === ROCKET_FAILURE)),
      failingLines: [`FAIL ${ROCKET_FAILURE.file}`, ROCKET_FAILURE.error],
    },
    standaloneFailingJob: {
      ...strip(findJob({ project: standalone, test: job => job.failure === STANDALONE_FAILURE })),
      failingLines: [`FAIL ${STANDALONE_FAILURE.file}`, STANDALONE_FAILURE.error],
    },
    missingLogJob: strip(inRocket(job => job.logMissing)),
    noOutputStep: {
      ...strip(noOutput),
      step: noOutput.job.steps.find(s => !s.hasOutput)?.number ?? -1,
    },
    approval: {
      ...strip(approval),
      approvalRequestId: approval.job.approvalRequestId ?? '',
      jobId: approval.job.id,
    },
    hostileArtifactsJob: strip(inRocket(job => job.hostileArtifacts)),
    pipelines: {
      hostileBranch: first(pipelineNumbers(rocket, p => p.vcs?.branch === HOSTILE_BRANCH)),
      ansiSubject: first(pipelineNumbers(rocket, p => p.vcs?.commit.subject === ANSI_SOUP_SUBJECT)),
      tag: first(pipelineNumbers(rocket, p => p.vcs?.tag !== undefined)),
      noVcs: pipelineNumbers(rocket, p => p.vcs === null),
      nullSubject: first(pipelineNumbers(rocket, p => p.vcs?.commit.subject === null)),
      missingSubject: first(
        pipelineNumbers(rocket, p => p.vcs !== null && !('subject' in p.vcs.commit)),
      ),
      rerun: Math.max(
        ...pipelineNumbers(rocket, p => p.workflows.some(w => w.rerunOf !== undefined)),
      ),
      errored: configFetch.pipelineNumber,
      manyWorkflows: first(pipelineNumbers(rocket, p => p.workflows.length > 20)),
      manyJobs: first(pipelineNumbers(rocket, p => p.workflows.some(w => w.jobs.length > 20))),
    },
    erroredPipelines: {
      configFetch,
      configCompile: erroredPipeline({ project: rocket, error: CONFIG_COMPILE_ERROR }),
    },
    quirks: {
      nullStatusJob: { ...strip(nullStatus), jobId: nullStatus.job.id },
      emptyStoppedAtWorkflow: findWorkflow({
        project: rocket,
        test: w => w.emptyStoppedAtQuirk === true,
      }),
    },
    slashWorkflow: slashWorkflow(rocket),
    hostileArtifactUrl: HOSTILE_ARTIFACT_URL,
    hostileBranch: HOSTILE_BRANCH,
    ansiSubject: ANSI_SOUP_SUBJECT,
  };
}
