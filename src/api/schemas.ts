/*
 * Boundary checks for CircleCI responses. They tolerate unknown fields and
 * unknown enum values (statuses are plain strings here), and reject wrong
 * types with a message naming the field.
 */
import { z } from 'zod';
import type {
  Artifact,
  CurrentUser,
  JobDetails,
  JobSteps,
  Pipeline,
  TestResult,
  TriggeredPipeline,
  Workflow,
  WorkflowJob,
} from './types';

type Schema<T> = z.ZodType<T, z.ZodTypeDef, unknown>;

const str = z.string();
const optStr = z.string().nullish();
const optNum = z.number().nullish();

/** A pipeline (`GET v2/pipeline/{id}` and list items). */
export const pipelineSchema: Schema<Pipeline> = z.object({
  id: str,
  errors: z.array(z.object({ type: str, message: str })).nullish().transform(e => e ?? []),
  project_slug: str,
  updated_at: optStr,
  number: z.number(),
  state: str,
  created_at: str,
  trigger: z.object({
    type: str,
    received_at: str,
    actor: z.object({ login: str, avatar_url: optStr }),
  }),
  trigger_parameters: z.record(z.unknown()).nullish(),
  vcs: z
    .object({
      provider_name: str,
      target_repository_url: str,
      origin_repository_url: str,
      revision: str,
      branch: optStr,
      tag: optStr,
      review_id: optStr,
      review_url: optStr,
      commit: z.object({ subject: optStr, body: optStr }).nullish(),
    })
    .nullish(),
});

/** A workflow (`GET v2/workflow/{id}` and list items). */
export const workflowSchema: Schema<Workflow> = z.object({
  id: str,
  pipeline_id: str,
  pipeline_number: z.number(),
  name: str,
  project_slug: str,
  status: str,
  started_by: str,
  created_at: str,
  stopped_at: optStr,
  canceled_by: optStr,
  errored_by: optStr,
  tag: optStr,
  auto_rerun_number: optNum,
  max_auto_reruns: optNum,
});

/** A job as listed in a workflow; approval jobs have no number. */
export const workflowJobSchema: Schema<WorkflowJob> = z.object({
  id: str,
  name: str,
  type: str,
  status: str,
  dependencies: z.array(str).nullish().transform(d => d ?? []),
  project_slug: str,
  job_number: optNum,
  started_at: optStr,
  stopped_at: optStr,
  approval_request_id: optStr,
  approved_by: optStr,
  canceled_by: optStr,
});

/** Job details (`GET v2/project/{slug}/job/{n}`). */
export const jobDetailsSchema: Schema<JobDetails> = z.object({
  web_url: str,
  project: z.object({ id: str.optional(), slug: str, name: str, external_url: str }),
  parallel_runs: z.array(z.object({ index: z.number(), status: str })),
  started_at: optStr,
  latest_workflow: z.object({ id: str, name: str }),
  name: str,
  executor: z.object({ resource_class: str, type: optStr }),
  parallelism: z.number(),
  status: str,
  number: z.number(),
  pipeline: z.object({ id: str }),
  duration: optNum,
  created_at: str,
  messages: z.array(z.object({ type: str, message: str, reason: optStr })),
  contexts: z.array(z.object({ name: str })),
  organization: z.object({ name: str }),
  queued_at: str,
  stopped_at: optStr,
});

/** One test result; a null message becomes an empty string. */
export const testResultSchema: Schema<TestResult> = z.object({
  message: z.string().nullish().transform(m => m ?? ''),
  source: str,
  run_time: z.number(),
  file: optStr,
  result: str,
  name: str,
  classname: str,
});

/** One artifact. */
export const artifactSchema: Schema<Artifact> = z.object({
  path: str,
  node_index: z.number(),
  url: str,
});

/** The token's user (`GET v2/me`). */
export const currentUserSchema: Schema<CurrentUser> = z.object({
  id: str,
  login: str,
  name: str,
});

/** The answer to a pipeline trigger. */
export const triggeredPipelineSchema: Schema<TriggeredPipeline> = z.object({
  id: str,
  state: str,
  number: z.number(),
  created_at: str,
});

const stepActionSchema = z.object({
  index: z.number(),
  step: z.number(),
  name: str,
  status: str,
  start_time: optStr,
  end_time: optStr,
  run_time_millis: optNum,
  has_output: z.boolean().nullish(),
  exit_code: optNum,
  failed: z.boolean().nullish(),
  background: z.boolean().nullish(),
  type: optStr,
  bash_command: optStr,
  truncated: z.boolean().nullish(),
});

/** v1.1 build details, reduced to what `getJobSteps` returns. */
export const jobStepsSchema: Schema<JobSteps> = z
  .object({
    build_num: z.number(),
    parallel: z.number().nullish(),
    status: z.string().nullish(),
    steps: z
      .array(z.object({ name: str, actions: z.array(stepActionSchema) }))
      .nullish(),
  })
  .transform(b => ({
    buildNumber: b.build_num,
    parallel: b.parallel ?? 1,
    status: b.status ?? 'unknown',
    steps: b.steps ?? [],
  }));

/** A v2 list page: `{ items, next_page_token }`. */
export function pageSchema<T>(item: Schema<T>) {
  return z.object({
    items: z.array(item),
    next_page_token: z.string().nullish(),
  });
}

/** `{ workflow_id }`, the answer to a rerun. */
export const rerunSchema = z.object({ workflow_id: str });

/**
 * Formats a zod error as one line naming the fields, for error messages.
 */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map(i => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
