/*
 * Turns the blueprints (`data/blueprint.ts`) into the model: ids from the seeded PRNG,
 * timestamps relative to the start time, job numbers per project.
 */

import type { Random } from './random';
import type {
  ActorModel,
  FailureModel,
  JobModel,
  PipelineModel,
  ProjectModel,
  WorkflowModel,
} from './model';
import {
  ACTORS,
  type ActorKey,
  type JobBlueprint,
  type PipelineBlueprint,
  type ProjectBlueprint,
  type WorkflowBlueprint,
} from '../data/blueprint';
import { artifactsFor, shardTestsFor, testsFor } from '../data/results';
import { DEFAULT_DURATION_MS, stepsFor } from '../data/templates';

/** Delay between a workflow's creation and its first job being ready. */
export const WORKFLOW_OFFSET_MS = 1500;

const DEFAULT_TEST_FAILURE: FailureModel = {
  file: 'src/engine/thrust.test.ts',
  testName: 'engine › thrust › caps at 100%',
  error: 'Error: expect(received).toBeLessThanOrEqual(expected)',
};

/** The demo actors with their (seeded) user ids. */
export type Actors = Record<ActorKey, ActorModel>;

/** Creates the actors; user ids come from the PRNG. */
export function buildActors(random: Random): Actors {
  const entries = (Object.keys(ACTORS) as ActorKey[]).map(key => [
    key,
    { id: random.uuid(), ...ACTORS[key] },
  ]);
  return Object.fromEntries(entries) as Actors;
}

/** Creates one job from a spec. `dependencies` are job ids. */
export function createJob(options: {
  spec: JobBlueprint;
  random: Random;
  project: ProjectModel;
  dependencies: string[];
  workflowCreatedAt: number;
}): JobModel {
  const { spec, random, project } = options;
  const id = random.uuid();
  const durationMs = Math.round(
    (spec.durationMs ?? DEFAULT_DURATION_MS[spec.kind]) * (0.97 + 0.06 * random.next()),
  );
  const queueMs = spec.queueMs ?? 1000 + random.int({ min: 0, max: 2500 });
  const runTimes = Array.from({ length: 256 }, () => Math.round(random.next() * 1500) / 1000);
  const runTime = (i: number) => runTimes[i % runTimes.length];
  const base = {
    id,
    name: spec.name,
    kind: spec.kind,
    hostileArtifacts: spec.hostileArtifacts ?? false,
    dependencies: options.dependencies,
    queueMs,
    contexts: spec.contexts ?? [],
    messages: spec.messages ?? [],
    resourceClass: spec.kind === 'shard' ? 'large' : 'medium',
    executorType: 'docker',
    logMissing: spec.logMissing ?? false,
    ...(spec.nullStatusQuirk ? { nullStatusQuirk: true } : {}),
  };
  if (spec.approval) {
    return {
      ...base,
      type: 'approval',
      approvalRequestId: id,
      approvedAt:
        spec.approvedAfterMs === undefined
          ? undefined
          : options.workflowCreatedAt + spec.approvedAfterMs,
      durationMs: 0,
      outcome: 'success',
      parallelism: 1,
      failingContainers: [],
      steps: [],
      tests: [],
      artifacts: [],
    };
  }
  const parallelism = spec.parallelism ?? 1;
  const outcome = spec.outcome ?? 'success';
  const failed = outcome === 'failed';
  const isTestKind = spec.kind === 'test' || spec.kind === 'matrix';
  const failure = failed
    ? (spec.failure ?? (isTestKind ? DEFAULT_TEST_FAILURE : undefined))
    : undefined;
  const failingContainers = failed
    ? (spec.failingContainers ?? Array.from({ length: parallelism }, (_, i) => i))
    : [];
  let tests: JobModel['tests'] = [];
  if (isTestKind) tests = testsFor({ failure, runTime });
  if (spec.kind === 'shard')
    tests = shardTestsFor({ parallelism, failingContainers, failure, runTime });
  const number = project.nextJobNumber++;
  return {
    ...base,
    type: 'build',
    number,
    durationMs,
    outcome,
    parallelism,
    failingContainers,
    failure,
    steps: stepsFor(spec.kind),
    tests,
    artifacts: artifactsFor({
      kind: spec.kind,
      jobId: id,
      parallelism,
      hostile: base.hostileArtifacts,
    }),
  };
}

/** Creates a workflow (and its jobs) from a spec. */
export function createWorkflow(options: {
  spec: WorkflowBlueprint;
  random: Random;
  project: ProjectModel;
  actors: Actors;
  createdAt: number;
  startedBy: ActorModel;
  rerunOf?: string;
}): WorkflowModel {
  const { spec, random, project, createdAt } = options;
  const id = random.uuid();
  const byName = new Map<string, string>();
  const jobs: JobModel[] = [];
  for (const jobSpec of spec.jobs) {
    const dependencies = (jobSpec.requires ?? []).map(name => {
      const dep = byName.get(name);
      if (!dep) throw new Error(`fake-circleci: job ${jobSpec.name} requires unknown job ${name}`);
      return dep;
    });
    const job = createJob({
      spec: jobSpec,
      random,
      project,
      dependencies,
      workflowCreatedAt: createdAt,
    });
    byName.set(job.name, job.id);
    jobs.push(job);
  }
  return {
    id,
    name: spec.name,
    createdAt,
    startedBy: options.startedBy.id,
    forceError: spec.forceError ?? false,
    erroredBy: spec.forceError ? options.actors.margaret.id : undefined,
    canceledAt: spec.canceledAfterMs === undefined ? undefined : createdAt + spec.canceledAfterMs,
    canceledBy: spec.canceledAfterMs === undefined ? undefined : options.startedBy.id,
    rerunOf: options.rerunOf,
    ...(spec.emptyStoppedAtQuirk ? { emptyStoppedAtQuirk: true } : {}),
    jobs,
  };
}

/** The revisions of each project's shared commits (`PipelineBlueprint.commitKey`). */
const sharedCommits = new WeakMap<ProjectModel, Map<string, string>>();

/** Creates a pipeline (and its workflows) from a spec. */
export function createPipeline(options: {
  spec: PipelineBlueprint;
  random: Random;
  project: ProjectModel;
  actors: Actors;
  createdAt: number;
}): PipelineModel {
  const { spec, random, project, actors, createdAt } = options;
  const id = random.uuid();
  // Always drawn, so a shared commit leaves every later id as it was.
  const drawn = random.hex(40);
  let revision = drawn;
  if (spec.commitKey) {
    const shared = sharedCommits.get(project) ?? new Map<string, string>();
    sharedCommits.set(project, shared);
    revision = shared.get(spec.commitKey) ?? drawn;
    shared.set(spec.commitKey, revision);
  }
  const actor = actors[spec.actor];
  const workflows: WorkflowModel[] = [];
  for (const wfSpec of spec.workflows) {
    const previous = wfSpec.rerun
      ? [...workflows].reverse().find(w => w.name === wfSpec.name)
      : undefined;
    workflows.push(
      createWorkflow({
        spec: wfSpec,
        random,
        project,
        actors,
        createdAt: createdAt + (wfSpec.offsetMs ?? WORKFLOW_OFFSET_MS),
        startedBy: actors[wfSpec.startedBy ?? spec.actor],
        rerunOf: previous?.id,
      }),
    );
  }
  return {
    id,
    number: project.nextPipelineNumber++,
    createdAt,
    triggerType: spec.trigger ?? 'webhook',
    actor,
    vcs: spec.noVcs
      ? null
      : {
          branch: spec.tag ? undefined : (spec.branch ?? project.defaultBranch),
          tag: spec.tag,
          revision,
          commit: spec.commit ?? { subject: 'Update dependencies', body: null },
        },
    state: spec.errors?.length ? 'errored' : 'created',
    errors: spec.errors ?? [],
    parameters: {},
    workflows,
  };
}

/** Creates a project and all its pipelines. */
export function createProject(options: {
  spec: ProjectBlueprint;
  random: Random;
  actors: Actors;
  startTime: number;
}): ProjectModel {
  const { spec, random } = options;
  const project: ProjectModel = {
    slug: `${spec.vcs}/${spec.org}/${spec.repo}`,
    vcs: spec.vcs,
    org: spec.org,
    repo: spec.repo,
    id: spec.vcs === 'circleci' ? spec.repo : random.uuid(),
    organizationId: spec.vcs === 'circleci' ? spec.org : random.uuid(),
    organizationName: spec.vcs === 'circleci' ? 'acme' : spec.org,
    name: spec.name,
    vcsUrl: spec.vcsUrl,
    providerName: spec.providerName,
    defaultBranch: spec.defaultBranch,
    pipelines: [],
    nextPipelineNumber: spec.firstPipelineNumber,
    nextJobNumber: spec.firstJobNumber,
  };
  for (const pipelineSpec of spec.pipelines) {
    project.pipelines.push(
      createPipeline({
        spec: pipelineSpec,
        random,
        project,
        actors: options.actors,
        createdAt: options.startTime - pipelineSpec.agoMs,
      }),
    );
  }
  return project;
}
