import {
  configApiRef,
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { circleCIApiRef } from './api/CircleCIApi';
import { createCircleCIApi } from './api/createCircleCIApi';
import type { InsightsCardProps } from './components/cards/InsightsCard';
import type { LatestPipelineCardProps } from './components/cards/LatestPipelineCard';
import type { RecentPipelinesCardProps } from './components/cards/RecentPipelinesCard';
import { importTabRoutes } from './loaders';
import type { EntityCircleCIContentProps } from './components/tab/TabRoutes';
import { circleCIRouteRef } from './routes';

/**
 * The CircleCI plugin (id `circleci`).
 * @public
 */
export const circleCIPlugin = createPlugin({
  id: 'circleci',
  apis: [
    createApiFactory({
      api: circleCIApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef, configApi: configApiRef },
      factory: createCircleCIApi,
    }),
  ],
  routes: {
    root: circleCIRouteRef,
  },
});

/**
 * The classic plugin's name for {@link circleCIPlugin}.
 * @public
 */
export const plugin = circleCIPlugin;

/**
 * The CI/CD tab for an entity: its CircleCI pipelines. It reads the entity
 * from context; `columns` chooses the pipelines table's columns.
 * @public
 */
export const EntityCircleCIContent: (props: EntityCircleCIContentProps) => JSX.Element = circleCIPlugin.provide(
  createRoutableExtension({
    name: 'EntityCircleCIContent',
    component: () => importTabRoutes().then(m => m.TabRoutes),
    mountPoint: circleCIRouteRef,
  }),
);

/**
 * A card for the entity overview page: the newest pipeline of the
 * project's default branch (or of `branch`), with its status, workflows,
 * commit, age and duration, and links to the CI/CD tab and to CircleCI.
 * One line per project for an entity with several project slugs. Costs one
 * project request (none when `branch` is given), one pipeline-list and one
 * workflow-list request per project, and is re-read only while the
 * pipeline's work runs.
 * @public
 */
export const EntityLatestCircleCIPipelineCard: (props: LatestPipelineCardProps) => JSX.Element =
  circleCIPlugin.provide(
    createComponentExtension({
      name: 'EntityLatestCircleCIPipelineCard',
      component: {
        lazy: () => import('./components/cards/LatestPipelineCard').then(m => m.LatestPipelineCard),
      },
    }),
  );

/**
 * A card for the entity overview page: the last `limit` pipelines (default
 * 5) of the entity's projects, optionally of one `branch`, with status,
 * branch, commit and age. Costs one pipeline-list request plus one
 * workflow-list request per pipeline shown, and is re-read only while some
 * shown pipeline runs.
 * @public
 */
export const EntityRecentCircleCIPipelinesCard: (props: RecentPipelinesCardProps) => JSX.Element =
  circleCIPlugin.provide(
    createComponentExtension({
      name: 'EntityRecentCircleCIPipelinesCard',
      component: {
        lazy: () => import('./components/cards/RecentPipelinesCard').then(m => m.RecentPipelinesCard),
      },
    }),
  );

/**
 * A card for the entity overview page, "is CI healthy here": per workflow
 * of the default branch (or `branch`) over `window` (default
 * `last-30-days`), its success rate and p95 duration with their trends
 * against the previous period, plus the project's flaky tests, linked to
 * the tab's Insights view. `workflows` names the workflows to show (default:
 * the 5 with the most runs). One section per project of a monorepo entity.
 * Costs per project 1 workflow-metrics request, 1 flaky-tests request and
 * 1 summary per workflow shown; cached for 10 minutes and never polled
 * (CircleCI computes insights on a schedule).
 * @public
 */
export const EntityCircleCIInsightsCard: (props: InsightsCardProps) => JSX.Element =
  circleCIPlugin.provide(
    createComponentExtension({
      name: 'EntityCircleCIInsightsCard',
      component: {
        lazy: () => import('./components/cards/InsightsCard').then(m => m.InsightsCard),
      },
    }),
  );

export { isCircleCIAvailable, isPluginApplicableToEntity } from './isCircleCIAvailable';
