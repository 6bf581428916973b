/*
 * Which cached answers an event makes wrong: after an action or a CircleCI
 * webhook (webhook/invalidate.ts), the entries of the workflow, its jobs, its
 * pipeline's workflow list and the project's pipeline lists are dropped,
 * so the next read asks CircleCI. Keys are built from the endpoint table,
 * exactly as reads build them.
 */
import type { EndpointName, ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { answerKey, type AnswerCache } from './answerCache';
import { readRequestFor } from './reader';

function keyOf(name: EndpointName, values: object): string | undefined {
  try {
    return answerKey(readRequestFor({ name, values }));
  } catch {
    return undefined;
  }
}

/** What changed, as far as the caller knows. */
export interface ChangedTarget {
  /** The workflow that changed (rerun, cancel, approve, completed). */
  workflowId?: string;
  /** Its pipeline, when known. */
  pipelineId?: string;
  /** The project (a trigger adds a pipeline; a job changed). */
  projectSlug?: ProjectSlug | string;
  /** A job of the project that changed. */
  jobNumber?: number;
}

/**
 * The first-page keys (no query) an event makes wrong. Pages after the
 * first and branch-filtered lists are left to their short lifetimes.
 */
export function keysChangedBy(target: ChangedTarget): string[] {
  const { workflowId, pipelineId, projectSlug, jobNumber } = target;
  const keys: Array<string | undefined> = [];
  if (workflowId) {
    keys.push(keyOf('getWorkflow', { workflowId }), keyOf('listJobs', { workflowId }));
  }
  if (pipelineId) {
    keys.push(keyOf('getPipeline', { pipelineId }), keyOf('listWorkflows', { pipelineId }));
  }
  if (projectSlug) {
    keys.push(keyOf('listPipelines', { projectSlug }), keyOf('listMyPipelines', { projectSlug }));
    if (jobNumber !== undefined) {
      // Tests and artifacts arrive when the job ends: an empty list cached while it ran is wrong now.
      keys.push(
        keyOf('getJob', { projectSlug, jobNumber }),
        keyOf('getJobSteps', { projectSlug, jobNumber }),
        keyOf('listTests', { projectSlug, jobNumber }),
        keyOf('listArtifacts', { projectSlug, jobNumber }),
      );
    }
  }
  return keys.filter((k): k is string => k !== undefined);
}

/**
 * Drops what an event makes wrong. When only the workflow is known, its
 * pipeline is read from the cached workflow (CircleCI names it there).
 */
export async function dropChanged(options: { answers: AnswerCache; target: ChangedTarget }): Promise<void> {
  const { answers } = options;
  const target = { ...options.target };
  if (target.workflowId && !target.pipelineId) {
    const key = keyOf('getWorkflow', { workflowId: target.workflowId });
    const cached = key ? await answers.get(key) : undefined;
    if (cached) {
      try {
        const body = JSON.parse(cached.body) as { pipeline_id?: unknown; project_slug?: unknown };
        if (typeof body.pipeline_id === 'string') target.pipelineId = body.pipeline_id;
        if (!target.projectSlug && typeof body.project_slug === 'string') target.projectSlug = body.project_slug;
      } catch {
        // A cached body was checked before it was stored; nothing else to learn.
      }
    }
  }
  await answers.drop(keysChangedBy(target));
}
