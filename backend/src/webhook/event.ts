/*
 * A CircleCI webhook event, read from its (already verified) JSON body.
 * Payloads are open maps: only the fields used here are read, and new
 * fields are ignored. `project.slug` is the long form (`github/org/repo`);
 * `workflow.status` is absent from job events; `stopped_at` is optional.
 */
import {
  circleCISignalChannel,
  isUuid,
  type CircleCISignal,
} from '@circleci-backstage/plugin-circleci-common';
import { HttpProblem } from '../routes/respond';

/** The signal of a completion (ids and the final status). */
export type CompletionSignal = Exclude<CircleCISignal, { kind: 'probe' }>;

/** A completion event: where it happened and what to tell. */
export interface CompletionEvent {
  /** `project.slug` as CircleCI sent it, e.g. `github/acme/rocket`. */
  projectSlug: string;
  /** The project's signal channel. */
  channel: string;
  /** What completed, as the signal names it (`eventId` is the event's id). */
  signal: CompletionSignal;
}

/** What a body holds: a completion, or another event this backend ignores. */
export type WebhookEvent = { kind: 'completion'; id: string; event: CompletionEvent } | { kind: 'other'; id: string; type: string };

/** The longest event id accepted (CircleCI's are UUIDs). */
const MAX_ID_CHARS = 128;

type Json = Record<string, unknown>;

function objectAt(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function bad(message: string): HttpProblem {
  return new HttpProblem({ status: 400, message });
}

function statusOf(value: unknown): string | undefined {
  // CircleCI's statuses are one word (`success`, `infrastructure_fail`); anything else is left out.
  return typeof value === 'string' && /^[a-z_]{1,64}$/.test(value) ? value : undefined;
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** Parses a body; throws 400 for anything that is not a JSON object with an id and a type, or a malformed completion. */
export function readWebhookEvent(body: Buffer): WebhookEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw bad('The webhook body is not valid JSON.');
  }
  const root = objectAt(parsed);
  if (!root) throw bad('The webhook body must be a JSON object.');
  const { id, type } = root;
  if (typeof id !== 'string' || id === '' || id.length > MAX_ID_CHARS) {
    throw bad(`The webhook event needs an "id" (a string of at most ${MAX_ID_CHARS} characters).`);
  }
  if (typeof type !== 'string' || type === '') throw bad('The webhook event needs a "type".');
  if (type !== 'workflow-completed' && type !== 'job-completed') return { kind: 'other', id, type };

  const projectSlug = objectAt(root.project)?.slug;
  const channel = typeof projectSlug === 'string' ? circleCISignalChannel({ projectSlug }) : undefined;
  if (typeof projectSlug !== 'string' || !channel) throw bad(`A ${type} event needs project.slug such as github/org/repo.`);
  const pipeline = objectAt(root.pipeline);
  const workflow = objectAt(root.workflow);
  if (!isUuid(pipeline?.id) || !isUuid(workflow?.id)) {
    throw bad(`A ${type} event needs pipeline.id and workflow.id (UUIDs).`);
  }
  const ids = { eventId: id, pipelineId: pipeline.id, pipelineNumber: numberOf(pipeline.number), workflowId: workflow.id };
  if (type === 'workflow-completed') {
    const signal: CompletionSignal = { kind: type, ...ids, status: statusOf(workflow.status) };
    return { kind: 'completion', id, event: { projectSlug, channel, signal } };
  }
  const job = objectAt(root.job);
  if (!job) throw bad('A job-completed event needs a job.');
  const signal: CompletionSignal = {
    kind: type,
    ...ids,
    jobId: isUuid(job.id) ? job.id : undefined,
    jobNumber: numberOf(job.number),
    status: statusOf(job.status),
  };
  return { kind: 'completion', id, event: { projectSlug, channel, signal } };
}
