/*
 * The shapes of the pipelines table: its rows, its columns, and the link
 * of a workflow.
 */
import type { ReactNode } from 'react';
import type { Pipeline, Workflow } from '@circleci-backstage/plugin-circleci-common';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import type { CircleCIStatus } from '../../../domain/status';

/**
 * One row of the CircleCI pipelines table: a pipeline, its project and its
 * workflows.
 * @public
 */
export interface CircleCIPipelineRow {
  /** The pipeline's id; unique among the rows. */
  id: string;
  /** The pipeline. */
  pipeline: Pipeline;
  /** The pipeline's project. */
  projectSlug: ProjectSlug;
  /** The pipeline's workflows; undefined while they load. */
  workflows?: Workflow[];
  /** Why the workflows could not be loaded. */
  workflowsError?: Error;
  /** The pipeline's status, derived from its workflows. */
  status: CircleCIStatus;
}

/**
 * One column of the CircleCI pipelines table: a built-in one from
 * `circleCIPipelineColumns`, one of those with a field changed
 * (`{ ...circleCIPipelineColumns.createBranchColumn(), title: 'Ref' }`), or
 * an app's own.
 * @public
 */
export interface CircleCIPipelineColumn {
  /** Unique among the table's columns. */
  id: string;
  /** The column's heading: a text or an element. */
  title: ReactNode;
  /** A CSS width, e.g. `24%`. */
  width?: string;
  /**
   * The cell of one row. Called again only when the row object changes, so
   * it should depend on the row alone (a component it returns may use hooks).
   */
  render: (row: CircleCIPipelineRow) => ReactNode;
}

/**
 * One row of the pipelines table (the plugin's own name for
 * {@link CircleCIPipelineRow}).
 * @internal
 */
export type PipelineRow = CircleCIPipelineRow;

/**
 * One column of the pipelines table (the plugin's own name for
 * {@link CircleCIPipelineColumn}).
 * @internal
 */
export type PipelineColumn = CircleCIPipelineColumn;

/**
 * Options of the table's workflow links.
 * @internal
 */
export interface WorkflowLinkOptions {
  /** The link of a workflow's page inside the tab. */
  workflowLink: (workflow: Workflow) => string;
}
