/*
 * The shapes of the pipelines table: its rows, its columns, and the link
 * of a workflow.
 */
import type { ReactNode } from 'react';
import type { Pipeline, Workflow } from '../../../common/types';
import type { ProjectSlug } from '../../../common/slug';
import type { CircleCIStatus } from '../../../domain/status';

/**
 * One row of the pipelines table.
 * @internal
 */
export interface PipelineRow {
  /** The pipeline's id; unique among the rows. */
  id: string;
  /** The pipeline. */
  pipeline: Pipeline;
  /** The pipeline's project. */
  projectSlug: ProjectSlug;
  /** Undefined while loading. */
  workflows?: Workflow[];
  /** Why the workflows could not be loaded. */
  workflowsError?: Error;
  /** Derived from the workflows. */
  status: CircleCIStatus;
}

/**
 * One column of the pipelines table.
 * @internal
 */
export interface PipelineColumn {
  /** Unique among the table's columns. */
  id: string;
  /** The column's heading. */
  title: string;
  /** A CSS width, e.g. `24%`. */
  width?: string;
  /** The cell of one row. Called again only when the row object changes. */
  render: (row: PipelineRow) => ReactNode;
}

/**
 * Options of the workflows column.
 * @internal
 */
export interface WorkflowLinkOptions {
  /** The link of a workflow's page inside the tab. */
  workflowLink: (workflow: Workflow) => string;
}
