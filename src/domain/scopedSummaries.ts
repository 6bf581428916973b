/*
 * The pipelines a card shows when the entity names its workflows
 * (`circleci.com/workflows`): the first `want` pipelines, in order, that
 * have one of them, each showing only those. Workflows are read a few
 * pipelines at a time, so without a scope (or when every pipeline has one
 * of the workflows) exactly `want` workflow lists are read.
 */
import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { type WorkflowScope, workflowsInScope } from './workflowScope';
import type { PipelineSummary, PipelineWorkflows } from './pipelineSummaries';

/** What {@link scopedSummaries} picks. */
export interface ScopedSummaries {
  /** The pipelines whose workflows to read: those shown, those still loading, and the hidden ones before them. */
  ids: string[];
  /** The pipelines shown, in order; one whose workflows are still loading has `workflows` undefined. */
  summaries: PipelineSummary[];
  /** Pipelines read and hidden because none of their workflows is in the scope. */
  hidden: number;
}

/**
 * Walks the pipelines in order, keeping those with a workflow in `scope`
 * (only those workflows), until `want` are kept or loading; a pipeline
 * whose workflows failed is kept with its error. Without a scope, the first
 * `want` pipelines.
 */
export function scopedSummaries(options: {
  pipelines: readonly Pipeline[];
  results: ReadonlyMap<string, PipelineWorkflows>;
  scope?: WorkflowScope;
  want: number;
}): ScopedSummaries {
  const { pipelines, results, scope, want } = options;
  const ids: string[] = [];
  const summaries: PipelineSummary[] = [];
  let hidden = 0;
  for (const pipeline of pipelines) {
    if (summaries.length >= want) break;
    ids.push(pipeline.id);
    const entry = results.get(pipeline.id);
    const workflows = entry?.workflows && workflowsInScope({ workflows: entry.workflows, scope });
    if (entry?.workflows && !workflows) hidden++;
    else summaries.push({ pipeline, workflows, workflowsError: entry?.error });
  }
  return { ids, summaries, hidden };
}
