import { ReactElement } from 'react';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { useSearchParams } from 'react-router-dom';
import { projectOf } from '../../../domain/projects';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { readFilterParams, writeFilterParams } from '../../../domain/filterParams';
import type { WorkflowScope } from '../../../domain/workflowScope';
import { PipelinesPage } from '../PipelinesPage';
import type { CircleCIPipelineColumn } from '../PipelinesTable';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link ProjectPipelines}.
 * @internal
 */
export interface ProjectPipelinesProps {
  /** The entity's projects; more than one gives a project switcher. */
  slugs: ProjectSlug[];
  /** The component's workflows (`circleci.com/workflows`), if it names them. */
  workflowScope?: WorkflowScope;
  /** The pipelines table's columns; the default ones when not given. */
  columns?: CircleCIPipelineColumn[];
}

/**
 * The pipelines of the entity's project, with a switcher kept in the URL
 * (`?project=`) when the entity lists several projects (a monorepo).
 * @internal
 */
export function ProjectPipelines(props: ProjectPipelinesProps): ReactElement {
  const { slugs } = props;
  const [params, setParams] = useSearchParams();
  const { t } = useCircleCITranslation();
  const chosen = projectOf(slugs, params.get('project'));
  const branch = params.get('branch') || undefined;
  const filters = readFilterParams(params);
  return (
    <>
      {slugs.length > 1 && (
        <Tabs
          value={chosen.slug}
          onChange={(_, value: string) =>
            setParams(p => {
              const next = new URLSearchParams(p);
              next.set('project', value);
              next.delete('branch');
              return next;
            })
          }
          indicatorColor="primary"
          aria-label={t('common.projectsTabs')}
        >
          {slugs.map(s => (
            <Tab key={s.slug} value={s.slug} label={s.slug} />
          ))}
        </Tabs>
      )}
      <PipelinesPage
        projectSlug={chosen}
        branch={branch}
        filters={filters}
        workflowScope={props.workflowScope}
        columns={props.columns}
        onFiltersChange={next => setParams(p => writeFilterParams(p, next))}
        onBranchChange={next =>
          setParams(p => {
            const params2 = new URLSearchParams(p);
            if (next) params2.set('branch', next);
            else params2.delete('branch');
            return params2;
          })
        }
      />
    </>
  );
}
