import type { CSSProperties, ReactNode } from 'react';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import LaunchIcon from '@material-ui/icons/Launch';
import Avatar from '@material-ui/core/Avatar';
import { Link } from '@backstage/core-components';
import { describeError } from '../../api/errors';
import { circleCIAppLinks, commitUrl, safeHttpUrl } from '../../domain/links';
import type { ProjectSlug } from '../../domain/slug';
import { latestWorkflowRuns, normalizeStatus } from '../../domain/status';
import type { CircleCIStatus } from '../../domain/status';
import type { Pipeline, Workflow } from '../../api/types';
import { durationBetween, formatDuration, relativeTime } from '../../domain/time';
import { stripControl } from '../../domain/text';
import { StatusLabel } from '../StatusLabel';

/**
 * One row of the pipelines table.
 * @public
 */
export interface PipelineRow {
  id: string;
  pipeline: Pipeline;
  projectSlug: ProjectSlug;
  /** Undefined while loading. */
  workflows?: Workflow[];
  workflowsError?: Error;
  /** Derived from the workflows. */
  status: CircleCIStatus;
}

/**
 * One column of the pipelines table.
 * @public
 */
export interface PipelineColumn {
  /** Unique among the table's columns. */
  id: string;
  title: string;
  /** A CSS width, e.g. `24%`. */
  width?: string;
  /** The cell of one row. Called again only when the row object changes. */
  render: (row: PipelineRow) => ReactNode;
}

// Static inline styles rather than MUI `Box`, which makes a style rule per
// instance: 20 rows of boxes cost more than the rest of the table.
const FLEX_ROW: CSSProperties = { display: 'flex', alignItems: 'center', gap: 8 };
const NOWRAP: CSSProperties = { whiteSpace: 'nowrap' };
const ACTOR: CSSProperties = { ...FLEX_ROW, whiteSpace: 'nowrap' };
const WORKFLOW_LINE: CSSProperties = { ...FLEX_ROW, whiteSpace: 'nowrap' };

/** The pipeline number and derived status, linked to app.circleci.com. */
export function createPipelineColumn(): PipelineColumn {
  return {
    id: 'pipeline',
    title: 'Pipeline',
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
            {row.workflows || row.workflowsError ? undefined : 'Loading…'}
          </StatusLabel>
        </div>
      </div>
    ),
  };
}

/** The branch, or the tag for tag pipelines. */
export function createBranchColumn(): PipelineColumn {
  return {
    id: 'branch',
    title: 'Branch / tag',
    render: row => {
      const vcs = row.pipeline.vcs;
      if (vcs?.tag) return `tag ${stripControl(vcs.tag)}`;
      return stripControl(vcs?.branch) || '—';
    },
  };
}

/** The commit subject and short SHA, linked to GitHub or Bitbucket. */
export function createCommitColumn(): PipelineColumn {
  return {
    id: 'commit',
    title: 'Commit',
    width: '24%',
    render: row => {
      const vcs = row.pipeline.vcs;
      if (!vcs) return '—';
      const sha = vcs.revision.slice(0, 7);
      const url = commitUrl({ slug: row.projectSlug, revision: vcs.revision });
      return (
        <div>
          <div>{stripControl(vcs.commit?.subject) || '(no commit message)'}</div>
          <Typography variant="caption" component="span">
            {url ? <Link to={url}>{sha}</Link> : sha}
          </Typography>
        </div>
      );
    },
  };
}

// One static style: Backstage's Avatar makes a style rule per instance.
const AVATAR_STYLE = { width: 24, height: 24, fontSize: 12 };

/** Who triggered the pipeline, with their avatar. */
export function createActorColumn(): PipelineColumn {
  return {
    id: 'actor',
    title: 'Triggered by',
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
          <span>{actor.login}</span>
        </div>
      );
    },
  };
}

/**
 * Options of the workflows column.
 * @public
 */
export interface WorkflowLinkOptions {
  /** The link of a workflow's page inside the tab. */
  workflowLink: (workflow: Workflow) => string;
}

function WorkflowList(props: { row: PipelineRow } & WorkflowLinkOptions) {
  const { row, workflowLink } = props;
  if (row.workflowsError) {
    return (
      <Typography variant="body2" color="error">
        Workflows unavailable: {describeError(row.workflowsError).title}
      </Typography>
    );
  }
  if (!row.workflows) return <>Loading workflows…</>;
  if (row.workflows.length === 0) return <>No workflows</>;
  const { current, earlier } = latestWorkflowRuns(row.workflows);
  return (
    <div>
      {current.map(wf => (
        <div key={wf.id} style={WORKFLOW_LINE}>
          <StatusLabel status={wf.status} />
          <Link to={workflowLink(wf)}>{wf.name}</Link>
          <Tooltip title="Open on CircleCI">
            <Link
              aria-label={`Open workflow ${wf.name} on CircleCI`}
              to={circleCIAppLinks.workflow({
                slug: row.projectSlug,
                pipelineNumber: row.pipeline.number,
                workflowId: wf.id,
              })}
            >
              <LaunchIcon fontSize="inherit" />
            </Link>
          </Tooltip>
        </div>
      ))}
      {earlier.length > 0 && (
        <Typography variant="caption" component="div">
          Earlier runs:{' '}
          {earlier.map((wf, i) => (
            <span key={wf.id}>
              {i > 0 && ', '}
              <Link to={workflowLink(wf)}>
                {wf.name} ({normalizeStatus(wf.status).replace('_', ' ')})
              </Link>
            </span>
          ))}
        </Typography>
      )}
    </div>
  );
}

/** The pipeline's workflows, newest run of each, with their statuses. */
export function createWorkflowsColumn(options: WorkflowLinkOptions): PipelineColumn {
  return {
    id: 'workflows',
    title: 'Workflows',
    width: '28%',
    render: row => <WorkflowList row={row} workflowLink={options.workflowLink} />,
  };
}

/** When the pipeline was created, relative, with the exact time on hover. */
export function createStartedColumn(): PipelineColumn {
  return {
    id: 'started',
    title: 'Started',
    render: row => {
      const time = relativeTime(row.pipeline.created_at);
      if (!time) return '—';
      return (
        <Tooltip title={time.exact}>
          <span>{time.relative}</span>
        </Tooltip>
      );
    },
  };
}

/** How long the pipeline's workflows took, or have been running. */
export function createDurationColumn(): PipelineColumn {
  return {
    id: 'duration',
    title: 'Duration',
    render: row => {
      if (!row.workflows?.length) return '—';
      const { current } = latestWorkflowRuns(row.workflows);
      const running = current.some(w => !w.stopped_at);
      const end = running
        ? undefined
        : current.map(w => w.stopped_at!).sort().pop();
      const ms = durationBetween({ start: row.pipeline.created_at, end });
      return ms === undefined ? '—' : `${formatDuration(ms)}${running ? ' so far' : ''}`;
    },
  };
}

/**
 * The default columns of the pipelines table.
 * @public
 */
export function defaultPipelineColumns(options: WorkflowLinkOptions): PipelineColumn[] {
  return [
    createPipelineColumn(),
    createBranchColumn(),
    createCommitColumn(),
    createActorColumn(),
    createWorkflowsColumn(options),
    createStartedColumn(),
    createDurationColumn(),
  ];
}
