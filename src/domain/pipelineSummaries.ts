/*
 * What the cards show of a pipeline: the pipeline with its workflows, or
 * why those could not be read.
 */
import type { Pipeline, Workflow } from '../common/types';
import type { PipelineWorkflows } from '../hooks/usePipelineWorkflows';

/** One pipeline with its workflows, as a card shows it. */
export interface PipelineSummary {
  /** The pipeline. */
  pipeline: Pipeline;
  /** Its workflows; undefined while they load or when they failed. */
  workflows?: Workflow[];
  /** Why the workflows could not be read. */
  workflowsError?: Error;
}

/** Pairs each pipeline with its workflows, in the pipelines' order. */
export function summariesOf(options: {
  pipelines: readonly Pipeline[];
  results: ReadonlyMap<string, PipelineWorkflows>;
}): PipelineSummary[] {
  return options.pipelines.map(pipeline => {
    const entry = options.results.get(pipeline.id);
    return { pipeline, workflows: entry?.workflows, workflowsError: entry?.error };
  });
}
