import type { CSSProperties, ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { describeError } from '../../../domain/errors';
import { pipelineDurationText } from '../../../domain/durations';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { circleCIAppLinks } from '../../../domain/links';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { latestWorkflowRuns } from '../../../domain/status';
import { stripControl } from '../../../domain/text';
import type { PipelineSummary } from '../../../domain/pipelineSummaries';
import { useLatestPipeline } from '../hooks/useLatestPipeline';
import type { WorkflowScope } from '../../../domain/workflowScope';
import { useTabLink } from '../../../hooks/useTabLink';
import { useCircleCIPaths } from '../../../navigation';
import { CardProjects } from '../CardProjects';
import { ErrorState } from '../../shared/ErrorState';
import { PipelineHeadline } from '../PipelineHeadline';
import { StatusLabel } from '../../shared/StatusLabel';

const WORKFLOW: CSSProperties = { display: 'flex', alignItems: 'center', gap: 8 };
const FOOTER: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 16, marginTop: 4 };

/**
 * Props of `EntityLatestCircleCIPipelineCard`.
 * @public
 */
export interface LatestPipelineCardProps {
  /** The branch to show; by default the project's default branch. */
  branch?: string;
}

function Workflows(props: { summary: PipelineSummary; tabLinked: boolean }) {
  const { t, tm } = useCircleCITranslation();
  const paths = useCircleCIPaths();
  const { workflows, workflowsError } = props.summary;
  if (workflowsError) {
    return (
      <Typography variant="body2" color="error">
        {t('cards.workflowsUnavailable', { reason: tm(describeError(workflowsError).title) })}
      </Typography>
    );
  }
  if (!workflows) return <Typography variant="body2">{t('cards.loadingWorkflows')}</Typography>;
  if (workflows.length === 0) return <Typography variant="body2">{t('cards.noWorkflows')}</Typography>;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {latestWorkflowRuns(workflows).current.map(wf => (
        <li key={wf.id} style={WORKFLOW} data-testid="circleci-card-workflow">
          <StatusLabel status={wf.status} />
          {props.tabLinked ? (
            <Link to={paths.workflow({ workflowId: wf.id })}>{stripControl(wf.name)}</Link>
          ) : (
            stripControl(wf.name)
          )}
        </li>
      ))}
    </ul>
  );
}

function ProjectLatest(props: { projectSlug: ProjectSlug; branch?: string; scope?: WorkflowScope }) {
  const { projectSlug, scope } = props;
  const { t, tm } = useCircleCITranslation();
  const tabLinked = useTabLink() !== undefined;
  const state = useLatestPipeline({ projectSlug, branch: props.branch, scope });
  const hidden = scope && state.hidden > 0 && (
    <Typography variant="body2" data-testid="circleci-card-hidden">
      {t('workflowScope.hidden', { count: state.hidden, patterns: scope.patterns.join(', ') })}
    </Typography>
  );
  const subject = t('cards.projectSubject', { project: projectSlug.slug });
  if (state.error) return <ErrorState error={state.error} subject={subject} onRetry={state.retry} />;
  if (state.loading) return <Progress />;
  const { latest, branch = '' } = state;
  if (!latest) {
    return (
      <>
        <Typography variant="body2">{t('cards.noPipelinesOnBranch', { branch })}</Typography>
        {hidden}
      </>
    );
  }
  return (
    <div>
      <PipelineHeadline projectSlug={projectSlug} summary={latest} showBranch={!props.branch} />
      <Workflows summary={latest} tabLinked={tabLinked} />
      <Typography variant="body2" component="div" style={FOOTER}>
        <span data-testid="circleci-card-duration">
          {t('cards.duration', {
            duration: tm(pipelineDurationText({ pipeline: latest.pipeline, workflows: latest.workflows })),
          })}
        </span>
        <Link
          to={circleCIAppLinks.pipeline({ slug: projectSlug, pipelineNumber: latest.pipeline.number })}
        >
          {t('cards.viewOnCircleCI')}
        </Link>
      </Typography>
      {hidden}
    </div>
  );
}

/**
 * The newest pipeline of each of the entity's projects, on the configured
 * branch or the project's default branch: its status, its workflows with
 * theirs, the commit, its age and duration, with links into the CI/CD tab
 * and to CircleCI. Polled only while its workflows run.
 * @internal
 */
export function LatestPipelineCard(props: LatestPipelineCardProps): ReactElement {
  const { t } = useCircleCITranslation();
  const tab = useTabLink();
  return (
    <InfoCard
      title={
        props.branch
          ? t('cards.latestPipelineOnBranchTitle', { branch: props.branch })
          : t('cards.latestPipelineTitle')
      }
      variant="gridItem"
      deepLink={tab ? { title: t('cards.allPipelines'), link: tab } : undefined}
    >
      <CardProjects>
        {(projectSlug, scope) => <ProjectLatest projectSlug={projectSlug} branch={props.branch} scope={scope} />}
      </CardProjects>
    </InfoCard>
  );
}
