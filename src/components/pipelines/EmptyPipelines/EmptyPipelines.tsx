import { CSSProperties, ReactElement, ReactNode } from 'react';
import { EmptyState, Link } from '@backstage/core-components';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { circleCIAppLinks } from '../../../domain/links';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { TriggerPipeline } from '../../actions/TriggerPipeline';

/**
 * Props of {@link EmptyPipelines}.
 * @internal
 */
export interface EmptyPipelinesProps {
  /** The project without pipelines. */
  projectSlug: ProjectSlug;
  /** The branch the list is filtered on, if any. */
  branch?: string;
  /** True when the list is the user's own ("Only mine"). */
  mine: boolean;
  /** The filters above the state (the branch, and "triggered by" to leave "mine"). */
  controls?: ReactNode;
}

const ROW: CSSProperties = { display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' };

/**
 * No pipelines: whose (the project's, on a branch, or the user's own), and
 * what to do: trigger one (when actions and trigger are on) or open the
 * project on CircleCI.
 * @internal
 */
export function EmptyPipelines(props: EmptyPipelinesProps): ReactElement {
  const { projectSlug, branch, mine, controls } = props;
  const { t } = useCircleCITranslation();
  const project = projectSlug.slug;
  let description: string = t('pipelines.emptyDescription', { project });
  if (mine) description = t('pipelines.emptyMine', { project });
  else if (branch) description = t('pipelines.emptyDescriptionOnBranch', { project, branch });
  return (
    <>
      <div style={ROW}>{controls}</div>
      <EmptyState
        missing="data"
        title={t('pipelines.emptyTitle')}
        description={description}
        action={
          <div style={ROW}>
            <TriggerPipeline projectSlug={projectSlug} branch={branch} />
            <Link to={circleCIAppLinks.project(projectSlug)}>{t('pipelines.openProject')}</Link>
          </div>
        }
      />
    </>
  );
}
