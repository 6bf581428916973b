import type { ReactElement } from 'react';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { circleCIAppLinks } from '../../../domain/links';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { useRecentPipelines } from '../hooks/useRecentPipelines';
import type { WorkflowScope } from '../../../domain/workflowScope';
import { useTabLink } from '../../../hooks/useTabLink';
import { CardProjects } from '../CardProjects';
import { ErrorState } from '../../shared/ErrorState';
import { PipelineHeadline } from '../PipelineHeadline';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/** The number of pipelines shown when no limit is given. */
export const DEFAULT_RECENT_LIMIT = 5;

/**
 * Props of `EntityRecentCircleCIPipelinesCard`.
 * @public
 */
export interface RecentPipelinesCardProps {
  /** Only this branch's pipelines; all branches by default. */
  branch?: string;
  /** How many pipelines to show, 1 to 20; default 5. */
  limit?: number;
}

function ProjectRecent(props: { projectSlug: ProjectSlug; branch?: string; limit: number; scope?: WorkflowScope }) {
  const { projectSlug, branch, limit, scope } = props;
  const { t } = useCircleCITranslation();
  const state = useRecentPipelines({ projectSlug, branch, limit, scope });
  const hidden = scope && state.hidden > 0 && (
    <Typography variant="body2" data-testid="circleci-card-hidden">
      {t('workflowScope.hidden', { count: state.hidden, patterns: scope.patterns.join(', ') })}
    </Typography>
  );
  const subject = t('cards.projectSubject', { project: projectSlug.slug });
  if (state.error) return <ErrorState error={state.error} subject={subject} onRetry={state.retry} />;
  if (!state.summaries) return <Progress />;
  if (state.summaries.length === 0) {
    return (
      <>
        <Typography variant="body2">
          {branch ? t('cards.noPipelinesOnBranch', { branch }) : t('cards.noPipelines')}
        </Typography>
        {hidden}
      </>
    );
  }
  return (
    <div>
      {state.summaries.map(summary => (
        <PipelineHeadline
          key={summary.pipeline.id}
          projectSlug={projectSlug}
          summary={summary}
          showBranch={!branch}
        />
      ))}
      {hidden}
      <Typography variant="body2" component="div">
        <Link to={circleCIAppLinks.project(projectSlug)}>{t('cards.viewOnCircleCI')}</Link>
      </Typography>
    </div>
  );
}

/**
 * The last pipelines of each of the entity's projects (optionally of one
 * branch): status, branch, commit and age, linked to CircleCI, with a link
 * into the CI/CD tab. Polled only while some shown pipeline runs.
 * @internal
 */
export function RecentPipelinesCard(props: RecentPipelinesCardProps): ReactElement {
  const { t } = useCircleCITranslation();
  const tab = useTabLink();
  const wanted = Number.isFinite(props.limit) ? Math.trunc(props.limit!) : DEFAULT_RECENT_LIMIT;
  const limit = Math.min(20, Math.max(1, wanted));
  return (
    <InfoCard
      title={
        props.branch
          ? t('cards.recentPipelinesOnBranchTitle', { branch: props.branch })
          : t('cards.recentPipelinesTitle')
      }
      variant="gridItem"
      deepLink={tab ? { title: t('cards.allPipelines'), link: tab } : undefined}
    >
      <CardProjects>
        {(projectSlug, scope) => (
          <ProjectRecent projectSlug={projectSlug} branch={props.branch} limit={limit} scope={scope} />
        )}
      </CardProjects>
    </InfoCard>
  );
}
