/*
 * The cells and headings of the built-in columns that need the table's
 * translations or links (see columnContext.ts). They render inside the
 * memoised rows: static inline styles only, no style rule per instance.
 */
import type { CSSProperties, ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { shortRevision } from '@circleci-backstage/plugin-circleci-common';
import { pipelineRefText } from '../../../domain/branches';
import { pipelineDurationText } from '../../../domain/durations';
import { circleCIAppLinks, commitUrl } from '../../../domain/links';
import { NO_VALUE, stripControl } from '../../../domain/text';
import { StatusLabel } from '../../shared/StatusLabel';
import { usePipelineColumnContext } from './columnContext';
import type { PipelineRow } from './types';
import { WorkflowsCell } from './WorkflowsCell';

const NOWRAP: CSSProperties = { whiteSpace: 'nowrap' };
/**
 * A time or duration: on one line where there is room, else on two, as
 * "30 minutes / ago" or "30m 49s / so far", never one word a line.
 */
export const TIME: CSSProperties = { display: 'inline-block', minWidth: '5.5rem' };
/**
 * The commit subject: at most two lines, then "…" (its `title` has all of
 * it), and wide enough that two lines hold a usual subject.
 */
const SUBJECT: CSSProperties = {
  minWidth: '11rem',
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
};
/** A long branch name ends in "…"; its `title` has all of it. */
const ELLIPSIS: CSSProperties = {
  display: 'block',
  maxWidth: '8rem',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
};

/** The translation keys of the built-in columns' headings. */
export type ColumnTitleKey =
  | 'pipelines.pipelineColumn'
  | 'pipelines.branchColumn'
  | 'pipelines.commitColumn'
  | 'pipelines.actorColumn'
  | 'pipelines.workflowsColumn'
  | 'pipelines.startedColumn'
  | 'pipelines.durationColumn';

/** A built-in column's heading, in the app's language. */
export function ColumnTitle(props: { message: ColumnTitleKey }): ReactElement {
  const { t } = usePipelineColumnContext();
  return <>{t(props.message)}</>;
}

/** The pipeline number, linked to app.circleci.com, and its derived status. */
export function PipelineCell(props: { row: PipelineRow }): ReactElement {
  const { row } = props;
  const { t } = usePipelineColumnContext();
  const known = Boolean(row.workflows || row.workflowsError);
  return (
    <div style={NOWRAP}>
      <Link to={circleCIAppLinks.pipeline({ slug: row.projectSlug, pipelineNumber: row.pipeline.number })}>
        #{row.pipeline.number}
      </Link>
      <div>
        <StatusLabel status={known ? row.status : 'queued'}>{known ? undefined : t('pipelines.loading')}</StatusLabel>
      </div>
    </div>
  );
}

/** The branch, or the tag for tag pipelines. */
export function BranchCell(props: { row: PipelineRow }): ReactElement {
  const { tm } = usePipelineColumnContext();
  const ref = pipelineRefText(props.row.pipeline);
  if (!ref) return <>{NO_VALUE}</>;
  const text = tm(ref);
  return (
    <span style={ELLIPSIS} title={text} data-testid="pipeline-ref">
      {text}
    </span>
  );
}

/** The commit subject and short SHA, linked to the commit view (or else to GitHub or Bitbucket). */
export function CommitCell(props: { row: PipelineRow }): ReactElement {
  const { t, commitLink } = usePipelineColumnContext();
  const vcs = props.row.pipeline.vcs;
  if (!vcs) return <>{NO_VALUE}</>;
  const sha = shortRevision(vcs.revision);
  const url = commitUrl({ slug: props.row.projectSlug, revision: vcs.revision });
  let shaLink: ReactElement | string = sha;
  if (commitLink) shaLink = <Link to={commitLink({ revision: vcs.revision })}>{sha}</Link>;
  else if (url) shaLink = <Link to={url}>{sha}</Link>;
  const subject = stripControl(vcs.commit?.subject);
  return (
    <div>
      <div style={SUBJECT} title={subject || undefined} data-testid="pipeline-subject">
        {subject || t('pipelines.noCommitMessage')}
      </div>
      <Typography variant="caption" component="span">
        {shaLink}
      </Typography>
    </div>
  );
}

/** The pipeline's errors, if any, and its workflows, linked inside the tab. */
export function WorkflowsColumnCell(props: { row: PipelineRow }): ReactElement {
  const { workflowLink } = usePipelineColumnContext();
  return <WorkflowsCell row={props.row} workflowLink={workflowLink} />;
}

/** How long the pipeline's workflows took, or have been running. */
export function DurationCell(props: { row: PipelineRow }): ReactElement {
  const { tm } = usePipelineColumnContext();
  const { pipeline, workflows } = props.row;
  // Wraps at a space when the table is narrow ("30m 9s / so far"), rather than being cut off.
  return <span style={TIME}>{tm(pipelineDurationText({ pipeline, workflows }))}</span>;
}
