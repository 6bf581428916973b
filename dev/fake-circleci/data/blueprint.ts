/*
 * The declarative description of the demo data: projects, pipelines,
 * workflows and jobs (blueprints). `sim/build.ts` turns them into the model, adding
 * ids, revisions and job numbers.
 */

import type { CommitModel, FailureModel, JobOutcome, PipelineModel, VcsSlug } from '../sim/model';
import type { SpecPipelineError } from '../spec/schemas';
import type { JobKind } from './templates';

/** Keys of the demo actors (see `ACTORS`). */
export type ActorKey = 'ada' | 'grace' | 'linus' | 'renovate' | 'margaret';

/** The demo actors; `id`s are derived from the seed. */
export const ACTORS: Record<
  ActorKey,
  { login: string; name: string; avatarUrl: string | null; email: string }
> = {
  ada: {
    login: 'ada-lovelace',
    name: 'Ada Lovelace',
    avatarUrl: 'https://avatars.githubusercontent.com/u/1815?v=4',
    email: 'ada@acme.example',
  },
  grace: {
    login: 'grace-hopper',
    name: 'Grace Hopper',
    avatarUrl: 'https://avatars.githubusercontent.com/u/1906?v=4',
    email: 'grace@acme.example',
  },
  linus: {
    login: 'linus-t',
    name: 'Linus T.',
    avatarUrl: null,
    email: 'linus@acme.example',
  },
  renovate: {
    login: 'renovate[bot]',
    name: 'Renovate Bot',
    avatarUrl: 'https://avatars.githubusercontent.com/in/2740?v=4',
    email: '29139614+renovate[bot]@users.noreply.github.com',
  },
  margaret: {
    login: 'margaret-h',
    name: 'Margaret Hamilton',
    avatarUrl: 'https://avatars.githubusercontent.com/u/1936?v=4',
    email: 'margaret@acme.example',
  },
};

/** The actor behind `GET /v2/me`. */
export const ME: ActorKey = 'ada';

/** A job of a workflow spec. */
export interface JobBlueprint {
  name: string;
  kind: JobKind;
  /** Names of required jobs of the same workflow. */
  requires?: string[];
  /** An approval job (`type: approval`). */
  approval?: boolean;
  durationMs?: number;
  queueMs?: number;
  outcome?: JobOutcome;
  parallelism?: number;
  failingContainers?: number[];
  failure?: FailureModel;
  logMissing?: boolean;
  hostileArtifacts?: boolean;
  /** Approved this long after the workflow was created. */
  approvedAfterMs?: number;
  contexts?: string[];
  messages?: Array<{ type: string; message: string; reason?: string }>;
  /** The job of the `jobStatusNull` quirk (`status: null`). */
  nullStatusQuirk?: boolean;
}

/** A workflow of a pipeline spec. */
export interface WorkflowBlueprint {
  name: string;
  jobs: JobBlueprint[];
  /** Created this long after the pipeline (default 1.5 s). */
  offsetMs?: number;
  canceledAfterMs?: number;
  forceError?: boolean;
  /** This workflow re-runs the previous workflow of the same name. */
  rerun?: boolean;
  startedBy?: ActorKey;
  /** The workflow of the `workflowStoppedAtEmpty` quirk (`stopped_at: ""`). */
  emptyStoppedAtQuirk?: boolean;
}

/** A pipeline spec. */
export interface PipelineBlueprint {
  /** How long before the fake's start time the pipeline was created. */
  agoMs: number;
  branch?: string;
  tag?: string;
  /** The pipeline has no `vcs` key. */
  noVcs?: boolean;
  commit?: CommitModel;
  actor: ActorKey;
  trigger?: PipelineModel['triggerType'];
  /** Config errors: the pipeline is `errored` (give it no workflows, as CircleCI does). */
  errors?: SpecPipelineError[];
  /**
   * Pipelines of a project with the same key build the same commit (one
   * revision), e.g. the same commit pushed to a second branch.
   */
  commitKey?: string;
  workflows: WorkflowBlueprint[];
}

/** A project spec. */
export interface ProjectBlueprint {
  vcs: VcsSlug;
  org: string;
  repo: string;
  name: string;
  vcsUrl: string;
  providerName: 'GitHub' | 'Bitbucket' | 'GitLab';
  defaultBranch: string;
  firstPipelineNumber: number;
  firstJobNumber: number;
  pipelines: PipelineBlueprint[];
}

/** Minutes to milliseconds. */
export const min = (minutes: number): number => minutes * 60_000;

/** Seconds to milliseconds. */
export const sec = (seconds: number): number => seconds * 1000;

/** The usual CI workflow: lint and test in parallel, then build. */
export function ciJobs(
  options: {
    name?: string;
    test?: Partial<JobBlueprint>;
    lint?: Partial<JobBlueprint>;
    build?: Partial<JobBlueprint>;
  } = {},
): JobBlueprint[] {
  return [
    { name: 'lint', kind: 'lint', ...options.lint },
    { name: 'test', kind: 'test', ...options.test },
    { name: 'build', kind: 'build', requires: ['lint', 'test'], ...options.build },
  ];
}

/** The CI workflow followed by a manual approval and a deploy. */
export function deployJobs(
  options: { approvedAfterMs?: number; deploy?: Partial<JobBlueprint> } = {},
): JobBlueprint[] {
  return [
    ...ciJobs(),
    {
      name: 'hold-deploy',
      kind: 'deploy',
      approval: true,
      requires: ['build'],
      approvedAfterMs: options.approvedAfterMs,
    },
    {
      name: 'deploy',
      kind: 'deploy',
      requires: ['hold-deploy'],
      contexts: ['production'],
      ...options.deploy,
    },
  ];
}
