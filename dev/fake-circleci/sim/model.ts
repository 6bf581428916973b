/*
 * The internal model of the fake CircleCI. Times are epoch milliseconds.
 * Statuses are not stored: they are computed from the plan (queue time,
 * duration, outcome) and the current time, see `timeline.ts`.
 */

import type { JobKind } from '../data/templates';
import type { SpecArtifact, SpecPipelineError, SpecTestResult } from '../spec/schemas';

/** The vcs part of a project slug, as the v2 API spells it. */
export type VcsSlug = 'gh' | 'bb' | 'circleci';

/** A user (or bot) of the demo organisation. */
export interface ActorModel {
  /** User id (UUID), used for `started_by`, `canceled_by`, `approved_by`. */
  id: string;
  login: string;
  name: string;
  avatarUrl: string | null;
  email: string;
}

/** The final result of a build job once it has run (or been skipped). */
export type JobOutcome =
  'success' | 'failed' | 'infrastructure_fail' | 'timedout' | 'unauthorized' | 'not_run';

/** What a step prints; see `logs.ts`. */
export type LogKind =
  | 'spinup'
  | 'env'
  | 'checkout'
  | 'cache'
  | 'install'
  | 'lint'
  | 'tests'
  | 'shard'
  | 'build'
  | 'workspace'
  | 'attach'
  | 'deploy'
  | 'upload-tests'
  | 'upload-artifacts'
  | 'huge'
  | 'generic';

/** One step of a job, the same on every parallel container. */
export interface StepModel {
  /** The step number of the log endpoint (0, 99, 101, 102, ...). */
  number: number;
  name: string;
  /** A built-in step (no `bash_command`, no exit code) or a `run` step. */
  type: 'builtin' | 'run';
  bashCommand: string | null;
  /** Share of the job duration spent in this step (all weights sum to 1). */
  weight: number;
  hasOutput: boolean;
  background: boolean;
  /** Runs even after an earlier step failed (`when: always`). */
  always: boolean;
  /** The step whose failure decides a failed/timedout job. */
  main: boolean;
  log: LogKind;
  /** The command shown in the log (for `run` steps). */
  command?: string;
}

/** A failure to print in the log of a failing step. */
export interface FailureModel {
  file: string;
  testName: string;
  error: string;
}

/** A job of a workflow (build or approval). */
export interface JobModel {
  id: string;
  name: string;
  type: 'build' | 'approval';
  /** The template the job was made from. */
  kind: JobKind;
  /** Its artifacts include hostile (`javascript:`) links. */
  hostileArtifacts: boolean;
  /** Job number (build jobs only), unique per project. */
  number?: number;
  /** Ids of the jobs this job requires. */
  dependencies: string[];
  queueMs: number;
  durationMs: number;
  outcome: JobOutcome;
  approvalRequestId?: string;
  approvedAt?: number;
  approvedBy?: string;
  canceledAt?: number;
  canceledBy?: string;
  parallelism: number;
  /** Containers whose main step fails when the outcome is `failed`. */
  failingContainers: number[];
  failure?: FailureModel;
  steps: StepModel[];
  tests: SpecTestResult[];
  artifacts: SpecArtifact[];
  /** The log endpoint answers 404 for every step of this job. */
  logMissing: boolean;
  resourceClass: string;
  executorType: string;
  contexts: string[];
  messages: Array<{ type: string; message: string; reason?: string }>;
  /** Its `status` is `null` while the `jobStatusNull` quirk is on. */
  nullStatusQuirk?: boolean;
}

/** A workflow of a pipeline. */
export interface WorkflowModel {
  id: string;
  name: string;
  createdAt: number;
  startedBy: string;
  /** The workflow ends with status `error` (after its jobs are done). */
  forceError: boolean;
  erroredBy?: string;
  canceledAt?: number;
  canceledBy?: string;
  /** The id of the workflow this one re-runs. */
  rerunOf?: string;
  /** Jobs in dependency order (a job comes after the jobs it requires). */
  jobs: JobModel[];
  /** Its `stopped_at` is `""` while the `workflowStoppedAtEmpty` quirk is on. */
  emptyStoppedAtQuirk?: boolean;
}

/** The commit of a pipeline; `subject` absent means the key is missing. */
export interface CommitModel {
  subject?: string | null;
  body: string | null;
}

/** A pipeline of a project. */
export interface PipelineModel {
  id: string;
  number: number;
  createdAt: number;
  triggerType: 'webhook' | 'api' | 'explicit' | 'scheduled_pipeline';
  actor: ActorModel;
  /** `null`: the pipeline has no `vcs` key at all. */
  vcs: null | {
    branch?: string;
    tag?: string;
    revision: string;
    commit: CommitModel;
  };
  state: 'created' | 'errored';
  /** Why the pipeline errored (`state: errored`); such pipelines have no workflows. */
  errors: SpecPipelineError[];
  parameters: Record<string, string | number | boolean>;
  /** Workflows in creation order. */
  workflows: WorkflowModel[];
}

/** A project (the unit of a slug). */
export interface ProjectModel {
  /** Canonical slug, e.g. `gh/acme/rocket`. */
  slug: string;
  vcs: VcsSlug;
  org: string;
  repo: string;
  id: string;
  organizationId: string;
  /** The organisation's display name. */
  organizationName: string;
  /** A readable name (the repo name, or a label for `circleci` projects). */
  name: string;
  vcsUrl: string;
  providerName: 'GitHub' | 'Bitbucket' | 'GitLab';
  defaultBranch: string;
  /** Pipelines, oldest first. */
  pipelines: PipelineModel[];
  nextPipelineNumber: number;
  nextJobNumber: number;
}
