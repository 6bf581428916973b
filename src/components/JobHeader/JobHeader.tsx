import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { commitUrl, safeHttpUrl } from '../../domain/links';
import type { ProjectSlug } from '../../domain/slug';
import { isActiveStatus, normalizeStatus } from '../../domain/status';
import type { JobDetails, Pipeline } from '../../api/types';
import { stripControl } from '../../domain/text';
import { durationBetween, formatDuration } from '../../domain/time';
import { LiveIndicator } from '../LiveIndicator';
import { StatusLabel } from '../StatusLabel';

/**
 * Props of {@link JobHeader}.
 * @public
 */
export interface JobHeaderProps {
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

/** The duration of a job as text: final, "so far" while it runs, or empty. */
export function jobDurationText(job: JobDetails, now = Date.now()): string {
  if (typeof job.duration === 'number' && job.stopped_at) return formatDuration(job.duration);
  const ms = durationBetween({ start: job.started_at, end: job.stopped_at, now });
  if (ms === undefined) return isActiveStatus(normalizeStatus(job.status)) ? 'not started yet' : '';
  return job.stopped_at ? formatDuration(ms) : `${formatDuration(ms)} so far`;
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

function Commit(props: { pipeline?: Pipeline; slug: ProjectSlug }) {
  const vcs = props.pipeline?.vcs;
  if (!vcs) return <>–</>;
  const short = vcs.revision.slice(0, 7);
  const url = commitUrl({ slug: props.slug, revision: vcs.revision });
  const subject = stripControl(vcs.commit?.subject ?? '');
  return (
    <>
      {url ? <Link to={url}>{short}</Link> : short}
      {subject ? ` ${subject}` : ''}
    </>
  );
}

/**
 * The facts about a job: status, duration, executor, resource class,
 * parallelism, branch and commit, a link to CircleCI (only an http(s)
 * `web_url` becomes a link), whether it updates itself, and CircleCI's
 * messages about it.
 * @public
 */
export function JobHeader(props: JobHeaderProps) {
  const { job, pipeline, slug, live, updatedAt, actions } = props;
  const webUrl = safeHttpUrl(job.web_url);
  const vcs = pipeline?.vcs;
  const ref = vcs?.tag ?? vcs?.branch;
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 12 }} data-testid="job-header">
      <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 16 }}>
        <StatusLabel status={job.status} />
        {webUrl && <Link to={webUrl}>Open on CircleCI</Link>}
        <LiveIndicator live={live} updatedAt={updatedAt} />
        {actions}
      </Box>
      <Box display="flex" flexWrap="wrap" style={{ gap: 24 }}>
        <Fact label="Duration">{jobDurationText(job) || '–'}</Fact>
        <Fact label="Executor">{stripControl(job.executor.type ?? '') || '–'}</Fact>
        <Fact label="Resource class">{stripControl(job.executor.resource_class) || '–'}</Fact>
        <Fact label="Parallelism">{job.parallelism}</Fact>
        <Fact label={vcs?.tag ? 'Tag' : 'Branch'}>{ref ? stripControl(ref) : '–'}</Fact>
        <Fact label="Commit">
          <Commit pipeline={pipeline} slug={slug} />
        </Fact>
        {job.contexts.length > 0 && (
          <Fact label="Contexts">{job.contexts.map(c => stripControl(c.name)).join(', ')}</Fact>
        )}
      </Box>
      {job.messages.length > 0 && (
        <Box role="list" aria-label="Messages from CircleCI">
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
