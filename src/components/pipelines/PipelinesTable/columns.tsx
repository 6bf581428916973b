import type { CSSProperties } from 'react';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import Avatar from '@material-ui/core/Avatar';
import { Link } from '@backstage/core-components';
import { pipelineRefText } from '../../../domain/branches';
import { shortRevision } from '../../../common/commits';
import { pipelineDurationText } from '../../../domain/durations';
import { circleCIAppLinks, commitUrl, safeHttpUrl } from '../../../domain/links';
import { relativeTime } from '../../../domain/time';
import { NO_VALUE, stripControl } from '../../../domain/text';
import { StatusLabel } from '../../shared/StatusLabel';
import type { CircleCITranslate } from '../../../domain/messages';
import type { CircleCITranslationFunction } from '../../../hooks/useCircleCITranslation';
import type { PipelineColumn, WorkflowLinkOptions } from './types';
import { WorkflowsCell } from './WorkflowsCell';

// Static inline styles rather than MUI `Box`, which makes a style rule per
// instance: 20 rows of boxes cost more than the rest of the table. Short
// values never wrap; the table's cells wrap other text only at spaces.
const FLEX_ROW: CSSProperties = { display: 'flex', alignItems: 'center', gap: 8 };
const NOWRAP: CSSProperties = { whiteSpace: 'nowrap' };
/** A long branch name ends in "…"; its `title` has all of it. */
const ELLIPSIS: CSSProperties = {
  display: 'block',
  maxWidth: '16rem',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
};
const ACTOR: CSSProperties = { ...FLEX_ROW, whiteSpace: 'nowrap' };

/** What every column factory gets: the app's translations of its texts. */
export interface ColumnOptions {
  /** The plugin's translation function. */
  t: CircleCITranslationFunction;
  /** The same, for domain texts (durations). */
  translate: CircleCITranslate;
  /** The link of a commit's view inside the tab; without it, SHAs link to the repository. */
  commitLink?: (options: { revision: string; branch?: string }) => string;
}

/** The pipeline number and derived status, linked to app.circleci.com. */
export function createPipelineColumn({ t }: ColumnOptions): PipelineColumn {
  return {
    id: 'pipeline',
    title: t('pipelines.pipelineColumn'),
    render: row => (
      <div style={NOWRAP}>
        <Link
          to={circleCIAppLinks.pipeline({
            slug: row.projectSlug,
            pipelineNumber: row.pipeline.number,
          })}
        >
          #{row.pipeline.number}
        </Link>
        <div>
          <StatusLabel status={row.workflows || row.workflowsError ? row.status : 'queued'}>
            {row.workflows || row.workflowsError ? undefined : t('pipelines.loading')}
          </StatusLabel>
        </div>
      </div>
    ),
  };
}

/** The branch, or the tag for tag pipelines. */
export function createBranchColumn({ t }: ColumnOptions): PipelineColumn {
  return {
    id: 'branch',
    title: t('pipelines.branchColumn'),
    render: row => {
      const ref = pipelineRefText(row.pipeline);
      if (!ref) return NO_VALUE;
      return (
        <span style={ELLIPSIS} title={ref} data-testid="pipeline-ref">
          {ref}
        </span>
      );
    },
  };
}

/** The commit subject and short SHA, linked to the commit view (or else to GitHub or Bitbucket). */
export function createCommitColumn({ t, commitLink }: ColumnOptions): PipelineColumn {
  return {
    id: 'commit',
    title: t('pipelines.commitColumn'),
    width: '24%',
    render: row => {
      const vcs = row.pipeline.vcs;
      if (!vcs) return NO_VALUE;
      const sha = shortRevision(vcs.revision);
      const url = commitUrl({ slug: row.projectSlug, revision: vcs.revision });
      return (
        <div>
          <div>{stripControl(vcs.commit?.subject) || t('pipelines.noCommitMessage')}</div>
          <Typography variant="caption" component="span">
            {commitLink ? (
              <Link to={commitLink({ revision: vcs.revision })}>{sha}</Link>
            ) : (
              <>{url ? <Link to={url}>{sha}</Link> : sha}</>
            )}
          </Typography>
        </div>
      );
    },
  };
}

// One static style: Backstage's Avatar makes a style rule per instance.
const AVATAR_STYLE = { width: 24, height: 24, fontSize: 12 };

/** Who triggered the pipeline, with their avatar. */
export function createActorColumn({ t }: ColumnOptions): PipelineColumn {
  return {
    id: 'actor',
    title: t('pipelines.actorColumn'),
    render: row => {
      const actor = row.pipeline.trigger.actor;
      return (
        <div style={ACTOR}>
          <Avatar
            alt={actor.login}
            src={safeHttpUrl(actor.avatar_url)}
            style={AVATAR_STYLE}
          >
            {actor.login.charAt(0).toUpperCase()}
          </Avatar>
          <span>{stripControl(actor.login)}</span>
        </div>
      );
    },
  };
}

/**
 * The pipeline's errors, if any, and its workflows, newest run of each,
 * with their statuses.
 */
export function createWorkflowsColumn(options: WorkflowLinkOptions & ColumnOptions): PipelineColumn {
  return {
    id: 'workflows',
    title: options.t('pipelines.workflowsColumn'),
    width: '28%',
    render: row => <WorkflowsCell row={row} workflowLink={options.workflowLink} />,
  };
}

/** When the pipeline was created, relative, with the exact time on hover. */
export function createStartedColumn({ t }: ColumnOptions): PipelineColumn {
  return {
    id: 'started',
    title: t('pipelines.startedColumn'),
    render: row => {
      const time = relativeTime(row.pipeline.created_at);
      if (!time) return NO_VALUE;
      return (
        <Tooltip title={time.exact}>
          <span style={NOWRAP}>{time.relative}</span>
        </Tooltip>
      );
    },
  };
}

/** How long the pipeline's workflows took, or have been running. */
export function createDurationColumn({ t, translate }: ColumnOptions): PipelineColumn {
  return {
    id: 'duration',
    title: t('pipelines.durationColumn'),
    render: row => (
      <span style={NOWRAP}>
        {pipelineDurationText({ pipeline: row.pipeline, workflows: row.workflows, translate })}
      </span>
    ),
  };
}

/**
 * The default columns of the pipelines table.
 * @internal
 */
export function defaultPipelineColumns(options: WorkflowLinkOptions & ColumnOptions): PipelineColumn[] {
  return [
    createPipelineColumn(options),
    createBranchColumn(options),
    createCommitColumn(options),
    createActorColumn(options),
    createWorkflowsColumn(options),
    createStartedColumn(options),
    createDurationColumn(options),
  ];
}
