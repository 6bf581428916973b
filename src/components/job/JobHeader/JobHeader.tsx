import { ReactElement, ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { pipelineRef } from '../../../domain/branches';
import { shortRevision } from '@circleci-backstage/plugin-circleci-common';
import { jobDurationText } from '../../../domain/durations';
import { safeHttpUrl } from '../../../domain/links';
import { useCircleCIPaths } from '../../../navigation';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import type { JobDetails, Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { NO_VALUE, stripControl } from '../../../domain/text';
import { LiveIndicator } from '../../shared/LiveIndicator';
import { StatusLabel } from '../../shared/StatusLabel';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link JobHeader}.
 * @internal
 */
export interface JobHeaderProps {
  /** The job's details. */
  job: JobDetails;
  /** The job's pipeline, for the branch and commit; omitted while loading. */
  pipeline?: Pipeline;
  /** The job's project. */
  slug: ProjectSlug;
  /** True while the job is polled. */
  live: boolean;
  /** When the job was last loaded (ms since epoch). */
  updatedAt?: number;
  /** A slot for actions (rerun, cancel). */
  actions?: ReactNode;
}

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Box>
  );
}

function Commit(props: { pipeline?: Pipeline; commitLink: (revision: string) => string }) {
  const vcs = props.pipeline?.vcs;
  if (!vcs) return <>{NO_VALUE}</>;
  const short = shortRevision(vcs.revision);
  const url = props.commitLink(vcs.revision);
  const subject = stripControl(vcs.commit?.subject ?? '');
  return (
    <>
      {/* Underlined: inside the surrounding text, colour alone would not tell it apart. */}
      {url ? (
        <Link to={url} underline="always">
          {short}
        </Link>
      ) : (
        short
      )}
      {subject ? ` ${subject}` : ''}
    </>
  );
}

/**
 * The facts about a job: status, duration, executor, resource class,
 * parallelism, branch and commit, a link to CircleCI (only an http(s)
 * `web_url` becomes a link), whether it updates itself, and CircleCI's
 * messages about it.
 * @internal
 */
export function JobHeader(props: JobHeaderProps): ReactElement {
  const { job, pipeline, live, updatedAt, actions } = props;
  const webUrl = safeHttpUrl(job.web_url);
  const paths = useCircleCIPaths();
  const ref = pipelineRef(pipeline);
  const { t, tm } = useCircleCITranslation();
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 12 }} data-testid="job-header">
      <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 16 }}>
        <StatusLabel status={job.status} />
        {webUrl && <Link to={webUrl}>{t('common.openOnCircleCI')}</Link>}
        <LiveIndicator live={live} updatedAt={updatedAt} />
        {actions}
      </Box>
      <Box display="flex" flexWrap="wrap" style={{ gap: 24 }}>
        <Fact label={t('job.duration')}>{tm(jobDurationText(job))}</Fact>
        <Fact label={t('job.executor')}>{stripControl(job.executor.type ?? '') || NO_VALUE}</Fact>
        <Fact label={t('job.resourceClass')}>{stripControl(job.executor.resource_class) || NO_VALUE}</Fact>
        <Fact label={t('job.parallelism')}>{job.parallelism}</Fact>
        <Fact label={ref?.kind === 'tag' ? t('job.tag') : t('job.branch')}>{ref?.name ?? NO_VALUE}</Fact>
        <Fact label={t('job.commit')}>
          <Commit pipeline={pipeline} commitLink={revision => paths.commit({ revision })} />
        </Fact>
        {job.contexts.length > 0 && (
          <Fact label={t('job.contexts')}>{job.contexts.map(c => stripControl(c.name)).join(', ')}</Fact>
        )}
      </Box>
      {job.messages.length > 0 && (
        <Box role="list" aria-label={t('job.messages')}>
          {job.messages.map((m, i) => (
            <Typography key={i} variant="body2" role="listitem" color={m.type === 'error' ? 'error' : 'textPrimary'}>
              {stripControl(m.type)}: {stripControl(m.message)}
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}
