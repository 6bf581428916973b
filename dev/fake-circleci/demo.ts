/*
 * Named facts about the demo data, so tests can refer to "the huge-log job"
 * instead of hard-coding numbers. The numbers do not depend on the seed.
 */

import type { JobModel, PipelineModel, ProjectModel } from './model';
import { STANDALONE_FAILURE } from './projects';
import { ANSI_SOUP_SUBJECT, HOSTILE_BRANCH } from './rocket';
import type { FakeState } from './state';
import { mainStepNumber } from './steps';
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
    errored: number;
    manyWorkflows: number;
    manyJobs: number;
  };
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

function pipelineNumbers(project: ProjectModel, test: (p: PipelineModel) => boolean): number[] {
  return project.pipelines.filter(test).map(p => p.number);
}

/** Computes the facts from a freshly built state. */
export function demoFacts(state: FakeState): DemoFacts {
  const [rocket, standalone, bucket, monoApi, monoWeb, empty] = state.projects;
  const inRocket = (test: (job: JobModel, pipeline: PipelineModel) => boolean) =>
    findJob({ project: rocket, test });
  const approval = inRocket(job => job.type === 'approval' && job.approvedAt === undefined);
  const parallel = inRocket(job => job.parallelism === 16);
  const noOutput = inRocket(job => job.kind === 'build' && job.outcome === 'success');
  const first = (numbers: number[]) => numbers[0];
  return {
    slugs: {
      rocket: rocket.slug,
      standalone: standalone.slug,
      bucket: bucket.slug,
      monoApi: monoApi.slug,
      monoWeb: monoWeb.slug,
      empty: empty.slug,
    },
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
      errored: first(pipelineNumbers(rocket, p => p.state === 'errored')),
      manyWorkflows: first(pipelineNumbers(rocket, p => p.workflows.length > 20)),
      manyJobs: first(pipelineNumbers(rocket, p => p.workflows.some(w => w.jobs.length > 20))),
    },
    hostileArtifactUrl: HOSTILE_ARTIFACT_URL,
    hostileBranch: HOSTILE_BRANCH,
    ansiSubject: ANSI_SOUP_SUBJECT,
  };
}
