import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import LaunchIcon from '@material-ui/icons/Launch';
import Avatar from '@material-ui/core/Avatar';
import { Link, TableColumn } from '@backstage/core-components';
import { describeError } from '../../api/errors';
import { circleCIAppLinks, commitUrl, safeHttpUrl } from '../../api/links';
import type { ProjectSlug } from '../../api/slug';
import { latestWorkflowRuns, normalizeStatus } from '../../api/status';
import type { CircleCIStatus } from '../../api/status';
import type { Pipeline, Workflow } from '../../api/types';
import { durationBetween, formatDuration, relativeTime } from '../../lib/time';
import { stripControl } from '../../lib/text';
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

/** The pipeline number and derived status, linked to app.circleci.com. */
export function createPipelineColumn(): TableColumn<PipelineRow> {
  return {
    title: 'Pipeline',
    field: 'pipeline.number',
    width: '10%',
    render: row => (
      <Box>
        <Link
          to={circleCIAppLinks.pipeline({
            slug: row.projectSlug,
            pipelineNumber: row.pipeline.number,
          })}
        >
          #{row.pipeline.number}
        </Link>
        <Box>
          <StatusLabel status={row.workflows || row.workflowsError ? row.status : 'queued'}>
            {row.workflows || row.workflowsError ? undefined : 'Loading…'}
          </StatusLabel>
        </Box>
      </Box>
    ),
  };
}

/** The branch, or the tag for tag pipelines. */
export function createBranchColumn(): TableColumn<PipelineRow> {
  return {
    title: 'Branch / tag',
    render: row => {
      const vcs = row.pipeline.vcs;
      if (vcs?.tag) return <Typography variant="body2">tag {stripControl(vcs.tag)}</Typography>;
      return <Typography variant="body2">{stripControl(vcs?.branch) || '—'}</Typography>;
    },
  };
}

/** The commit subject and short SHA, linked to GitHub or Bitbucket. */
export function createCommitColumn(): TableColumn<PipelineRow> {
  return {
    title: 'Commit',
    width: '24%',
    render: row => {
      const vcs = row.pipeline.vcs;
      if (!vcs) return <Typography variant="body2">—</Typography>;
      const sha = vcs.revision.slice(0, 7);
      const url = commitUrl({ slug: row.projectSlug, revision: vcs.revision });
      return (
        <Box>
          <Typography variant="body2">
            {stripControl(vcs.commit?.subject) || '(no commit message)'}
          </Typography>
          <Typography variant="caption" component="span">
            {url ? <Link to={url}>{sha}</Link> : sha}
          </Typography>
        </Box>
      );
    },
  };
}

// One static style: Backstage's Avatar makes a style rule per instance.
const AVATAR_STYLE = { width: 24, height: 24, fontSize: 12 };

/** Who triggered the pipeline, with their avatar. */
export function createActorColumn(): TableColumn<PipelineRow> {
  return {
    title: 'Triggered by',
    render: row => {
      const actor = row.pipeline.trigger.actor;
      return (
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Avatar
            alt={actor.login}
            src={safeHttpUrl(actor.avatar_url)}
            style={AVATAR_STYLE}
          >
            {actor.login.charAt(0).toUpperCase()}
          </Avatar>
          <Typography variant="body2">{actor.login}</Typography>
        </Box>
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
  if (!row.workflows) return <Typography variant="body2">Loading workflows…</Typography>;
  if (row.workflows.length === 0) return <Typography variant="body2">No workflows</Typography>;
  const { current, earlier } = latestWorkflowRuns(row.workflows);
  return (
    <Box>
      {current.map(wf => (
        <Box
          key={wf.id}
          display="flex"
          alignItems="center"
          style={{ gap: 8, whiteSpace: 'nowrap' }}
        >
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
        </Box>
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
    </Box>
  );
}

/** The pipeline's workflows, newest run of each, with their statuses. */
export function createWorkflowsColumn(options: WorkflowLinkOptions): TableColumn<PipelineRow> {
  return {
    title: 'Workflows',
    width: '28%',
    render: row => <WorkflowList row={row} workflowLink={options.workflowLink} />,
  };
}

/** When the pipeline was created, relative, with the exact time on hover. */
export function createStartedColumn(): TableColumn<PipelineRow> {
  return {
    title: 'Started',
    render: row => {
      const time = relativeTime(row.pipeline.created_at);
      if (!time) return '—';
      return (
        <Tooltip title={time.exact}>
          <Typography variant="body2">{time.relative}</Typography>
        </Tooltip>
      );
    },
  };
}

/** How long the pipeline's workflows took, or have been running. */
export function createDurationColumn(): TableColumn<PipelineRow> {
  return {
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
export function defaultPipelineColumns(options: WorkflowLinkOptions): TableColumn<PipelineRow>[] {
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
