import { ReactElement, ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import type { WorkflowJob } from '@circleci-backstage/plugin-circleci-common';
import { approvalLabel, isApprovalJob } from '../../../domain/approvals';
import { workflowJobDurationText } from '../../../domain/durations';
import { layerJobs } from '../../../domain/jobGraph';
import { NO_VALUE, stripControl } from '../../../domain/text';
import { StatusLabel } from '../../shared/StatusLabel';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link WorkflowJobs}.
 * @internal
 */
export interface WorkflowJobsProps {
  /** The workflow's jobs. */
  jobs: WorkflowJob[];
  /** The link of a job page, for jobs that have a number. */
  jobLink: (job: WorkflowJob & { job_number: number }) => string;
  /** A control for a job, e.g. "Approve" on an approval job that waits. */
  jobAction?: (job: WorkflowJob) => ReactNode;
}

function JobCard(props: {
  job: WorkflowJob;
  jobLink: WorkflowJobsProps['jobLink'];
  jobAction?: WorkflowJobsProps['jobAction'];
}) {
  const { job, jobLink, jobAction } = props;
  const { t, tm } = useCircleCITranslation();
  const duration = workflowJobDurationText(job);
  const approval = approvalLabel(job);
  const hasNumber = typeof job.job_number === 'number';
  const label = stripControl(job.name);
  const name = hasNumber ? (
    <Link to={jobLink(job as WorkflowJob & { job_number: number })}>{label}</Link>
  ) : (
    <Typography variant="body2" component="span">
      {label}
    </Typography>
  );
  return (
    <Paper variant="outlined" style={{ padding: 8, minWidth: 200 }} data-testid="workflow-job">
      <Box>{name}</Box>
      <StatusLabel status={job.status}>{approval && tm(approval)}</StatusLabel>
      <Typography variant="caption" component="div">
        {isApprovalJob(job) ? t('workflow.approvalJob') : `#${job.job_number ?? NO_VALUE}`}
        {duration !== undefined ? ` · ${duration}` : ''}
      </Typography>
      {jobAction?.(job)}
    </Paper>
  );
}

/**
 * A workflow's jobs in stages, laid out by their dependencies. Approval jobs
 * have no job page, so they are not links.
 * @internal
 */
export function WorkflowJobs(props: WorkflowJobsProps): ReactElement {
  const { t } = useCircleCITranslation();
  const layers = layerJobs(props.jobs);
  if (layers.length === 0) {
    return <Typography variant="body2">{t('workflow.noJobs')}</Typography>;
  }
  return (
    <Box display="flex" style={{ gap: 16, overflowX: 'auto' }} role="list" aria-label={t('workflow.jobs')}>
      {layers.map((layer, i) => (
        <Box key={i} display="flex" flexDirection="column" style={{ gap: 8 }} role="listitem">
          <Typography variant="overline">{t('workflow.stage', { number: String(i + 1) })}</Typography>
          {layer.map(job => (
            <JobCard key={job.id} job={job} jobLink={props.jobLink} jobAction={props.jobAction} />
          ))}
        </Box>
      ))}
    </Box>
  );
}
