/*
 * The mutable state of one fake: the projects built from the seed plus the
 * indexes used to find pipelines, workflows and jobs by id or number.
 */

import { buildActors, createProject, type Actors } from './build';
import type {
  ActorModel,
  JobModel,
  PipelineModel,
  ProjectModel,
  VcsSlug,
  WorkflowModel,
} from './model';
import { PROJECT_BLUEPRINTS } from '../data/projects';
import { createRandom, hashSeed, type Random } from './random';
import { ME } from '../data/blueprint';

/** A pipeline with its project. */
export interface PipelineRef {
  project: ProjectModel;
  pipeline: PipelineModel;
}

/** A workflow with its pipeline and project. */
export interface WorkflowRef extends PipelineRef {
  workflow: WorkflowModel;
}

/** A job with its workflow, pipeline and project. */
export interface JobRef extends WorkflowRef {
  job: JobModel;
}

/** The state of a fake CircleCI. */
export interface FakeState {
  readonly seed: number;
  readonly startTime: number;
  readonly projects: ProjectModel[];
  readonly actors: Actors;
  /** The owner of the token (`GET /v2/me`). */
  readonly me: ActorModel;
  /** PRNG for ids created by requests (reruns, triggers). */
  readonly random: Random;
  findProject(slug: { vcs: string; org: string; repo: string }): ProjectModel | undefined;
  findPipeline(id: string): PipelineRef | undefined;
  findWorkflow(id: string): WorkflowRef | undefined;
  findJob(options: { project: ProjectModel; number: number }): JobRef | undefined;
  /** Registers a pipeline or workflow created by a request. */
  index(ref: PipelineRef): void;
}

/** Maps `gh`/`github`, `bb`/`bitbucket` and `circleci` to the v2 vcs slug. */
export function normalizeVcs(vcs: string): VcsSlug | undefined {
  switch (vcs.toLowerCase()) {
    case 'gh':
    case 'github':
      return 'gh';
    case 'bb':
    case 'bitbucket':
      return 'bb';
    case 'circleci':
      return 'circleci';
    default:
      return undefined;
  }
}

/** The v1.1 spelling of a vcs slug. */
export function v1VcsType(vcs: VcsSlug): string {
  const names: Record<VcsSlug, string> = { gh: 'github', bb: 'bitbucket', circleci: 'circleci' };
  return names[vcs];
}

/** Builds the state for a seed; all timestamps are relative to `startTime`. */
export function createState(options: { seed: number; startTime: number }): FakeState {
  const dataRandom = createRandom({ seed: hashSeed({ seed: options.seed, salt: 'demo-data' }) });
  const actors = buildActors(dataRandom);
  const projects = PROJECT_BLUEPRINTS.map(spec =>
    createProject({ spec, random: dataRandom, actors, startTime: options.startTime }),
  );
  const pipelines = new Map<string, PipelineRef>();
  const workflows = new Map<string, WorkflowRef>();
  const jobs = new Map<string, JobRef>();
  const index = (ref: PipelineRef) => {
    pipelines.set(ref.pipeline.id, ref);
    for (const workflow of ref.pipeline.workflows) {
      workflows.set(workflow.id, { ...ref, workflow });
      for (const job of workflow.jobs) {
        if (job.number !== undefined) {
          jobs.set(`${ref.project.slug}#${job.number}`, { ...ref, workflow, job });
        }
      }
    }
  };
  for (const project of projects) {
    for (const pipeline of project.pipelines) index({ project, pipeline });
  }
  return {
    seed: options.seed,
    startTime: options.startTime,
    projects,
    actors,
    me: actors[ME],
    random: createRandom({ seed: hashSeed({ seed: options.seed, salt: 'requests' }) }),
    findProject: ({ vcs, org, repo }) => {
      const normalized = normalizeVcs(vcs);
      const lower = (s: string) => s.toLowerCase();
      return projects.find(
        p => p.vcs === normalized && lower(p.org) === lower(org) && lower(p.repo) === lower(repo),
      );
    },
    findPipeline: id => pipelines.get(id),
    findWorkflow: id => workflows.get(id),
    findJob: ({ project, number }) => jobs.get(`${project.slug}#${number}`),
    index,
  };
}
