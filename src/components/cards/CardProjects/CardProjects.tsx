import { ReactElement, ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import type { WorkflowScope } from '../../../domain/workflowScope';
import { useProjectSlugs } from '../../../hooks/useProjectSlugs';
import { useTabLink } from '../../../hooks/useTabLink';
import { useWorkflowScope } from '../../../hooks/useWorkflowScope';
import { CircleCIPathsProvider, useCircleCIPaths } from '../../../navigation';
import { ErrorState } from '../../shared/ErrorState';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/** Props of {@link CardProjects}. */
export interface CardProjectsProps {
  /**
   * Renders what the card shows of one project, limited to the component's
   * workflows (`circleci.com/workflows`) when the entity names them.
   */
  children: (projectSlug: ProjectSlug, workflowScope: WorkflowScope | undefined) => ReactNode;
}

function ProjectHeading(props: { projectSlug: ProjectSlug; tabLinked: boolean }) {
  const { t } = useCircleCITranslation();
  const paths = useCircleCIPaths();
  const { slug } = props.projectSlug;
  return (
    <Typography variant="subtitle2" component="h3">
      {props.tabLinked ? (
        <Link to={paths.pipelines({ projectSlug: slug })} aria-label={t('cards.projectPipelines', { project: slug })}>
          {slug}
        </Link>
      ) : (
        slug
      )}
    </Typography>
  );
}

/**
 * The projects of the entity in context, one section each (with the
 * project's name above it when the entity has several, as a monorepo
 * does), or why there are none, or why its `circleci.com/workflows`
 * annotation cannot be read. Links below it point into the entity's CI/CD
 * tab when the tab is mounted.
 */
export function CardProjects(props: CardProjectsProps): ReactElement {
  const { t } = useCircleCITranslation();
  const result = useProjectSlugs();
  const scope = useWorkflowScope();
  const tab = useTabLink();
  if (result.state === 'missing') {
    return <Typography variant="body2">{t('cards.noAnnotation')}</Typography>;
  }
  if (result.state === 'invalid') return <ErrorState error={result.error} />;
  if (scope.state === 'invalid') {
    return <ErrorState error={scope.error} />;
  }
  const several = result.slugs.length > 1;
  return (
    <CircleCIPathsProvider base={tab ?? ''}>
      {result.slugs.map(projectSlug => (
        <section key={projectSlug.slug} data-testid="circleci-card-project">
          {several ? <ProjectHeading projectSlug={projectSlug} tabLinked={tab !== undefined} /> : null}
          {props.children(projectSlug, scope.state === 'ok' ? scope.scope : undefined)}
        </section>
      ))}
    </CircleCIPathsProvider>
  );
}
