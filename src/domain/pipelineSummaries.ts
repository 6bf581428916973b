/*
 * A pipeline's workflows as the views receive them (or why they could not
 * be read), and what the cards show of a pipeline.
 */
import type { Pipeline, Workflow } from '@circleci-backstage/plugin-circleci-common';

/** The workflows of one pipeline, or why they could not be loaded. */
export interface PipelineWorkflows {
  /** The workflows, also while a failed re-read is shown in `error`. */
  workflows?: Workflow[];
  /** The error of the last read. */
  error?: Error;
}

/** One pipeline with its workflows, as a card shows it. */
export interface PipelineSummary {
  /** The pipeline. */
  pipeline: Pipeline;
  /** Its workflows; undefined while they load or when they failed. */
  workflows?: Workflow[];
  /** Why the workflows could not be read. */
  workflowsError?: Error;
}
