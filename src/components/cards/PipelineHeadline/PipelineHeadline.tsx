import type { CSSProperties, ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { pipelineRefText } from '../../../domain/branches';
import { shortRevision } from '@circleci-backstage/plugin-circleci-common';
import { circleCIAppLinks } from '../../../domain/links';
import { useCircleCIPaths } from '../../../navigation';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { derivePipelineStatus } from '../../../domain/status';
import { stripControl } from '../../../domain/text';
import { relativeTime } from '../../../domain/time';
import type { PipelineSummary } from '../../../domain/pipelineSummaries';
import { StatusLabel } from '../../shared/StatusLabel';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

const LINE: CSSProperties = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 8 };
/**
 * The subject takes the room the other parts leave (from 6rem), ending in
 * "…" (its `title` has all of it), so the age stays on the line.
 */
const SUBJECT: CSSProperties = {
  flex: '1 1 6rem',
  minWidth: 0,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
};
/** A part that never breaks inside: branch, age. */
const PART: CSSProperties = { whiteSpace: 'nowrap' };

/** Props of {@link PipelineHeadline}. */
export interface PipelineHeadlineProps {
  /** The project the pipeline belongs to. */
  projectSlug: ProjectSlug;
  /** The pipeline and its workflows. */
  summary: PipelineSummary;
  /** Shows the branch (or tag); off where the card names the branch already. */
  showBranch: boolean;
}

/**
 * One line about a pipeline: its status (from its workflows), its number
 * linked to CircleCI, its branch, its commit and its age.
 */
export function PipelineHeadline(props: PipelineHeadlineProps): ReactElement {
  const { projectSlug, summary, showBranch } = props;
  const { pipeline, workflows, workflowsError } = summary;
  const { t, tm } = useCircleCITranslation();
  const known = workflows !== undefined || workflowsError !== undefined;
  const ref = pipelineRefText(pipeline);
  const subject = stripControl(pipeline.vcs?.commit?.subject);
  const revision = pipeline.vcs?.revision;
  const paths = useCircleCIPaths();
  const commitLink = revision ? paths.commit({ revision }) : undefined;
  const age = relativeTime(pipeline.created_at);
  return (
    <Typography variant="body2" component="div" style={LINE} data-testid="circleci-pipeline-line">
      <StatusLabel
        status={known ? derivePipelineStatus({ state: pipeline.state, workflows }) : 'queued'}
      >
        {known ? undefined : t('cards.loading')}
      </StatusLabel>
      <Link
        to={circleCIAppLinks.pipeline({ slug: projectSlug, pipelineNumber: pipeline.number })}
        aria-label={t('cards.pipelineOnCircleCI', { number: String(pipeline.number) })}
      >
        #{pipeline.number}
      </Link>
      {showBranch && ref ? (
        <span data-testid="circleci-pipeline-ref" style={PART}>
          {tm(ref)}
        </span>
      ) : null}
      {subject ? (
        <span style={SUBJECT} title={subject}>
          {subject}
        </span>
      ) : null}
      {revision ? (
        <code>{commitLink ? <Link to={commitLink}>{shortRevision(revision)}</Link> : shortRevision(revision)}</code>
      ) : null}
      {age ? (
        <span title={age.exact} style={PART}>
          {age.relative}
        </span>
      ) : null}
    </Typography>
  );
}
