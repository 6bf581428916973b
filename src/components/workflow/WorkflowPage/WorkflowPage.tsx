import { ReactElement, ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { circleCIAppLinks } from '../../../domain/links';
import { projectOf } from '../../../domain/projects';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { usePipeline } from '../../../hooks/usePipeline';
import { useWorkflow } from '../hooks/useWorkflow';
import { useWorkflowJobs } from '../../../hooks/useWorkflowJobs';
import { useCircleCISignals } from '../../../hooks/useCircleCISignals';
import { pipelineRefText } from '../../../domain/branches';
import { workflowDurationText } from '../../../domain/durations';
import { relativeTime } from '../../../domain/time';
import { NO_VALUE, stripControl } from '../../../domain/text';
import { ErrorState } from '../../shared/ErrorState';
import { LiveIndicator } from '../../shared/LiveIndicator';
import { useCircleCIPaths } from '../../../navigation';
import { PipelineErrors } from '../../shared/PipelineErrors';
import { StatusLabel } from '../../shared/StatusLabel';
import { Crumb, TabBreadcrumbs } from '../../shared/TabBreadcrumbs';
import { WorkflowJobs } from '../WorkflowJobs';
import { ApproveButton } from '../../actions/ApproveButton';
import { WorkflowActions } from '../../actions/WorkflowActions';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link WorkflowPage}.
 * @internal
 */
export interface WorkflowPageProps {
  /** The workflow's id. */
  workflowId: string;
  /** The entity's projects; the workflow's own project is looked up in it. */
  slugs: ProjectSlug[];
  /** A slot for actions (rerun, cancel) in the header. */
  actions?: ReactNode;
}

/**
 * One workflow: its status, duration, who started it and its pipeline, and
 * all of its jobs in stages. Polled while it runs.
 * @internal
 */
export function WorkflowPage(props: WorkflowPageProps): ReactElement {
  const { workflowId, slugs, actions } = props;
  const paths = useCircleCIPaths();
  const { t, tm } = useCircleCITranslation();
  useCircleCISignals({ projectSlugs: slugs });
  const workflow = useWorkflow({ workflowId });
  const jobs = useWorkflowJobs({ workflowId });
  const pipeline = usePipeline({ pipelineId: workflow.value?.pipeline_id });
  const wf = workflow.value;
  const slug = projectOf(slugs, wf?.project_slug);
  const monorepo = slugs.length > 1;

  const name = wf ? stripControl(wf.name) : '';
  // The tab has no view of a pipeline of its own: its crumb leads to the
  // pipeline on CircleCI, as the pipeline number does in the table.
  const crumbs: Crumb[] = [
    { label: t('pipelines.title'), to: paths.pipelines({ projectSlug: monorepo ? slug.slug : undefined }) },
    wf
      ? {
          label: t('workflow.pipelineCrumb', { number: String(wf.pipeline_number) }),
          to: circleCIAppLinks.pipeline({ slug, pipelineNumber: wf.pipeline_number }),
        }
      : { label: t('workflow.pipelineCrumbUnnamed') },
    { label: wf ? t('workflow.title', { name }) : t('workflow.crumbUnnamed') },
  ];

  if (workflow.error && !wf) {
    return (
      <>
        <TabBreadcrumbs crumbs={crumbs} />
        <ErrorState error={workflow.error} subject={t('workflow.subject', { id: workflowId })} onRetry={workflow.refresh} />
      </>
    );
  }
  if (!wf) return <Progress />;

  const started = relativeTime(wf.created_at);
  const p = pipeline.value;
  const branch = pipelineRefText(p);
  const header = (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 16 }}>
      <StatusLabel status={wf.status} />
      <Typography variant="body2">{tm(workflowDurationText(wf))}</Typography>
      <Typography variant="body2" title={started?.exact}>
        {p
          ? t('workflow.startedBy', {
              time: started?.relative ?? NO_VALUE,
              actor: stripControl(p.trigger.actor.login),
            })
          : t('workflow.started', { time: started?.relative ?? NO_VALUE })}
      </Typography>
      <Typography variant="body2">
        {branch
          ? t('workflow.pipelineOn', { number: String(wf.pipeline_number), branch: tm(branch) })
          : t('workflow.pipeline', { number: String(wf.pipeline_number) })}
      </Typography>
      <Link
        to={circleCIAppLinks.workflow({
          slug,
          pipelineNumber: wf.pipeline_number,
          workflowId: wf.id,
        })}
      >
        {t('common.openOnCircleCI')}
      </Link>
      <LiveIndicator live={workflow.live || jobs.live} updatedAt={jobs.updatedAt} />
      <WorkflowActions workflow={wf} projectSlug={slug} />
      {actions}
    </Box>
  );

  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
      <TabBreadcrumbs crumbs={crumbs} />
      {p && <PipelineErrors pipeline={p} projectSlug={slug} />}
      <InfoCard title={t('workflow.title', { name })} subheader={header}>
        {jobs.error && !jobs.value && (
          <ErrorState error={jobs.error} subject={t('workflow.jobsSubject', { name })} onRetry={jobs.refresh} />
        )}
        {!jobs.value && !jobs.error && <Progress />}
        {jobs.value && (
          <WorkflowJobs
            jobs={jobs.value}
            jobLink={job =>
              paths.job({ jobNumber: job.job_number, projectSlug: monorepo ? slug.slug : undefined })
            }
            jobAction={job => (
              <ApproveButton job={job} workflowId={wf.id} pipelineId={wf.pipeline_id} projectSlug={slug} />
            )}
          />
        )}
      </InfoCard>
    </Box>
  );
}
