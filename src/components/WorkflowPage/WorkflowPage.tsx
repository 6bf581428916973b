import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { circleCIAppLinks } from '../../domain/links';
import type { ProjectSlug } from '../../domain/slug';
import { usePipeline, useWorkflow, useWorkflowJobs } from '../../hooks/useWorkflow';
import { durationBetween, formatDuration, relativeTime } from '../../domain/time';
import { stripControl } from '../../domain/text';
import { ErrorState } from '../ErrorState';
import { LiveIndicator } from '../LiveIndicator';
import { useCircleCIPaths } from '../../navigation/paths';
import { StatusLabel } from '../StatusLabel';
import { TabBreadcrumbs } from '../TabBreadcrumbs';
import { WorkflowJobs } from '../WorkflowJobs';

/**
 * Props of {@link WorkflowPage}.
 * @public
 */
export interface WorkflowPageProps {
  workflowId: string;
  /** The entity's projects; the workflow's own project is looked up in it. */
  slugs: ProjectSlug[];
  /** A slot for actions (rerun, cancel) in the header. */
  actions?: ReactNode;
}

/**
 * One workflow: its status, duration, who started it and its pipeline, and
 * all of its jobs in stages. Polled while it runs.
 * @public
 */
export function WorkflowPage(props: WorkflowPageProps) {
  const { workflowId, slugs, actions } = props;
  const paths = useCircleCIPaths();
  const workflow = useWorkflow({ workflowId });
  const jobs = useWorkflowJobs({ workflowId });
  const pipeline = usePipeline({ pipelineId: workflow.value?.pipeline_id });
  const wf = workflow.value;
  const slug = slugs.find(s => s.slug === wf?.project_slug) ?? slugs[0];
  const monorepo = slugs.length > 1;

  const crumbs = [
    { label: 'Pipelines', to: paths.pipelines({ projectSlug: monorepo ? slug.slug : undefined }) },
    { label: wf ? `Pipeline #${wf.pipeline_number}` : 'Pipeline' },
    { label: wf ? `Workflow ${wf.name}` : 'Workflow' },
  ];

  if (workflow.error && !wf) {
    return (
      <>
        <TabBreadcrumbs crumbs={crumbs} />
        <ErrorState error={workflow.error} subject={`workflow ${workflowId}`} onRetry={workflow.refresh} />
      </>
    );
  }
  if (!wf) return <Progress />;

  const ms = durationBetween({ start: wf.created_at, end: wf.stopped_at });
  const started = relativeTime(wf.created_at);
  const p = pipeline.value;
  const branch = p?.vcs?.tag ? `tag ${p.vcs.tag}` : p?.vcs?.branch;
  const header = (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 16 }}>
      <StatusLabel status={wf.status} />
      <Typography variant="body2">
        {ms !== undefined ? `${formatDuration(ms)}${wf.stopped_at ? '' : ' so far'}` : ''}
      </Typography>
      <Typography variant="body2">
        Started {started?.relative ?? ''}
        {p ? ` by ${p.trigger.actor.login}` : ''}
      </Typography>
      <Typography variant="body2">
        Pipeline #{wf.pipeline_number}
        {branch ? ` on ${stripControl(branch)}` : ''}
      </Typography>
      <Link
        to={circleCIAppLinks.workflow({
          slug,
          pipelineNumber: wf.pipeline_number,
          workflowId: wf.id,
        })}
      >
        Open on CircleCI
      </Link>
      <LiveIndicator live={workflow.live || jobs.live} updatedAt={jobs.updatedAt} />
      {actions}
    </Box>
  );

  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
      <TabBreadcrumbs crumbs={crumbs} />
      <InfoCard title={`Workflow ${wf.name}`} subheader={header}>
        {jobs.error && !jobs.value && (
          <ErrorState error={jobs.error} subject={`the jobs of workflow ${wf.name}`} onRetry={jobs.refresh} />
        )}
        {!jobs.value && !jobs.error && <Progress />}
        {jobs.value && (
          <WorkflowJobs
            jobs={jobs.value}
            jobLink={job =>
              paths.job({ jobNumber: job.job_number, projectSlug: monorepo ? slug.slug : undefined })
            }
          />
        )}
      </InfoCard>
    </Box>
  );
}
