/*
 * The built-in columns of the pipelines table. Each factory returns plain
 * data (a `CircleCIPipelineColumn`): the table provides the translations
 * and links its cells need, so an app can reorder, drop, change or add
 * columns without the plugin's internals.
 */
import type { CSSProperties } from 'react';
import Tooltip from '@material-ui/core/Tooltip';
import Avatar from '@material-ui/core/Avatar';
import { safeHttpUrl } from '../../../domain/links';
import { relativeTime } from '../../../domain/time';
import { NO_VALUE, stripControl } from '../../../domain/text';
import { BranchCell, ColumnTitle, CommitCell, DurationCell, PipelineCell, TIME, WorkflowsColumnCell } from './cells';
import type { CircleCIPipelineColumn } from './types';

// Static inline styles rather than MUI `Box`, which makes a style rule per
// instance: 20 rows of boxes cost more than the rest of the table. Short
// values never wrap; the table's cells wrap other text only at spaces.
const ACTOR: CSSProperties = { display: 'flex', alignItems: 'center', gap: 8, whiteSpace: 'nowrap' };
// One static style: Backstage's Avatar makes a style rule per instance.
const AVATAR_STYLE = { width: 24, height: 24, fontSize: 12 };

/** The pipeline number, linked to app.circleci.com, and its status (id `pipeline`). */
export function createPipelineColumn(): CircleCIPipelineColumn {
  return {
    id: 'pipeline',
    title: <ColumnTitle message="pipelines.pipelineColumn" />,
    render: row => <PipelineCell row={row} />,
  };
}

/** The branch, or the tag for tag pipelines; a long name ends in "…" (id `branch`). */
export function createBranchColumn(): CircleCIPipelineColumn {
  return {
    id: 'branch',
    title: <ColumnTitle message="pipelines.branchColumn" />,
    render: row => <BranchCell row={row} />,
  };
}

/** The commit subject and short SHA, linked to the commit view in the tab (id `commit`). */
export function createCommitColumn(): CircleCIPipelineColumn {
  return {
    id: 'commit',
    title: <ColumnTitle message="pipelines.commitColumn" />,
    width: '24%',
    render: row => <CommitCell row={row} />,
  };
}

/** Who triggered the pipeline, with their avatar (id `actor`). */
export function createActorColumn(): CircleCIPipelineColumn {
  return {
    id: 'actor',
    title: <ColumnTitle message="pipelines.actorColumn" />,
    render: row => {
      const actor = row.pipeline.trigger.actor;
      return (
        <div style={ACTOR}>
          <Avatar alt={actor.login} src={safeHttpUrl(actor.avatar_url)} style={AVATAR_STYLE}>
            {actor.login.charAt(0).toUpperCase()}
          </Avatar>
          <span>{stripControl(actor.login)}</span>
        </div>
      );
    },
  };
}

/**
 * The pipeline's errors, if any, and its workflows (the newest run of
 * each, with its status and actions), linked inside the tab (id `workflows`).
 */
export function createWorkflowsColumn(): CircleCIPipelineColumn {
  return {
    id: 'workflows',
    title: <ColumnTitle message="pipelines.workflowsColumn" />,
    width: '28%',
    render: row => <WorkflowsColumnCell row={row} />,
  };
}

/** When the pipeline was created, relative, with the exact time on hover (id `started`). */
export function createStartedColumn(): CircleCIPipelineColumn {
  return {
    id: 'started',
    title: <ColumnTitle message="pipelines.startedColumn" />,
    render: row => {
      const time = relativeTime(row.pipeline.created_at);
      if (!time) return NO_VALUE;
      return (
        <Tooltip title={time.exact}>
          <span style={TIME}>{time.relative}</span>
        </Tooltip>
      );
    },
  };
}

/** How long the pipeline's workflows took, or have been running (id `duration`). */
export function createDurationColumn(): CircleCIPipelineColumn {
  return {
    id: 'duration',
    title: <ColumnTitle message="pipelines.durationColumn" />,
    render: row => <DurationCell row={row} />,
  };
}

/**
 * The factories of {@link circleCIPipelineColumns}, one per built-in column.
 * @public
 */
export interface CircleCIPipelineColumnFactories {
  /** The pipeline number, linked to app.circleci.com, and its status (id `pipeline`). */
  createPipelineColumn(): CircleCIPipelineColumn;
  /** The branch, or the tag for tag pipelines (id `branch`). */
  createBranchColumn(): CircleCIPipelineColumn;
  /** The commit subject and short SHA, linked to the commit view in the tab (id `commit`). */
  createCommitColumn(): CircleCIPipelineColumn;
  /** Who triggered the pipeline, with their avatar (id `actor`). */
  createActorColumn(): CircleCIPipelineColumn;
  /** The pipeline's errors and its workflows, with their statuses and actions (id `workflows`). */
  createWorkflowsColumn(): CircleCIPipelineColumn;
  /** When the pipeline was created, relative (id `started`). */
  createStartedColumn(): CircleCIPipelineColumn;
  /** How long the pipeline's workflows took, or have been running (id `duration`). */
  createDurationColumn(): CircleCIPipelineColumn;
}

/**
 * The built-in columns of the CircleCI pipelines table, one factory each.
 * Each returns a new {@link CircleCIPipelineColumn}; pass a list of them,
 * changed ones (`{ ...createCommitColumn(), width: '40%' }`) or your own
 * to the tab's `columns` prop. They render only inside the plugin's table.
 * @public
 */
export const circleCIPipelineColumns: Readonly<CircleCIPipelineColumnFactories> = Object.freeze({
  /** The pipeline number, linked to app.circleci.com, and its status (id `pipeline`). */
  createPipelineColumn,
  /** The branch, or the tag for tag pipelines (id `branch`). */
  createBranchColumn,
  /** The commit subject and short SHA, linked to the commit view in the tab (id `commit`). */
  createCommitColumn,
  /** Who triggered the pipeline, with their avatar (id `actor`). */
  createActorColumn,
  /** The pipeline's errors and its workflows, with their statuses and actions (id `workflows`). */
  createWorkflowsColumn,
  /** When the pipeline was created, relative (id `started`). */
  createStartedColumn,
  /** How long the pipeline's workflows took, or have been running (id `duration`). */
  createDurationColumn,
});

/**
 * The default columns of the CircleCI pipelines table, in their order:
 * pipeline, branch, commit, actor, workflows, started, duration.
 * @public
 */
export function defaultCircleCIPipelineColumns(): CircleCIPipelineColumn[] {
  return [
    createPipelineColumn(),
    createBranchColumn(),
    createCommitColumn(),
    createActorColumn(),
    createWorkflowsColumn(),
    createStartedColumn(),
    createDurationColumn(),
  ];
}
