/*
 * The plain shapes the read actions answer with: short, flat, every field
 * an assistant needs to act (ids for the next call, statuses, durations in
 * seconds, links to app.circleci.com) and nothing else.
 */
import type { ActionsRegistryActionOptions } from '@backstage/backend-plugin-api/alpha';
import { circleCIAppLinks, type ProjectSlug } from '@circleci-backstage/plugin-circleci-common';

/** The zod the actions registry hands to each schema. */
export type Zod = Parameters<ActionsRegistryActionOptions<never, never>['schema']['input']>[0];

/** Links to app.circleci.com (the common package's, as the UI's). */
export const appLinks = circleCIAppLinks;

/** Seconds between two ISO times, or undefined when one is missing or unreadable. */
export function secondsBetween(start?: string | null, stop?: string | null): number | undefined {
  if (!start || !stop) return undefined;
  const ms = Date.parse(stop) - Date.parse(start);
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 1000) : undefined;
}

/** Text cut to `max` characters, marked with `…` when cut. */
export function clip(text: string | null | undefined, max: number): string | undefined {
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A workflow as the actions answer it. */
export function workflowShape(z: Zod) {
  return z.object({
    id: z.string().describe('The workflow id (for get-workflow, get-failure-logs, rerun-workflow, cancel-workflow).'),
    name: z.string(),
    status: z.string().describe('success, failed, running, on_hold, canceled, error, failing, not_run, …'),
    pipelineNumber: z.number(),
    createdAt: z.string(),
    stoppedAt: z.string().optional(),
    durationSeconds: z.number().optional(),
    url: z.string().describe('The workflow on app.circleci.com.'),
  });
}

/** What {@link workflowShape} describes. */
export interface WorkflowSummary {
  id: string;
  name: string;
  status: string;
  pipelineNumber: number;
  createdAt: string;
  stoppedAt?: string;
  durationSeconds?: number;
  url: string;
}

/** A workflow of CircleCI's answer, summed up. */
export function summarizeWorkflow(options: {
  slug: ProjectSlug;
  workflow: { id: string; name: string; status: string; pipeline_number: number; created_at: string; stopped_at?: string | null };
}): WorkflowSummary {
  const { slug, workflow: w } = options;
  const durationSeconds = secondsBetween(w.created_at, w.stopped_at);
  return {
    id: w.id,
    name: w.name,
    status: w.status,
    pipelineNumber: w.pipeline_number,
    createdAt: w.created_at,
    ...(w.stopped_at ? { stoppedAt: w.stopped_at } : {}),
    ...(durationSeconds === undefined ? {} : { durationSeconds }),
    url: appLinks.workflow({ slug, pipelineNumber: w.pipeline_number, workflowId: w.id }),
  };
}
