import {
  configApiRef,
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { circleCIApiRef } from './api/CircleCIApi';
import { createCircleCIApi } from './api/createCircleCIApi';
import { CIRCLECI_ANNOTATION } from './constants';
import { importTabRoutes } from './loaders';
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
 * The CI/CD tab for an entity: its CircleCI pipelines. Takes no props; it
 * reads the entity from context.
 * @public
 */
export const EntityCircleCIContent: () => JSX.Element = circleCIPlugin.provide(
  createRoutableExtension({
    name: 'EntityCircleCIContent',
    component: () => importTabRoutes().then(m => m.TabRoutes),
    mountPoint: circleCIRouteRef,
  }),
);

/**
 * True when the entity has a non-blank `circleci.com/project-slug`
 * annotation. A malformed slug still counts, so the tab can explain it.
 * @public
 */
export function isCircleCIAvailable(entity: Entity): boolean {
  const value = entity.metadata.annotations?.[CIRCLECI_ANNOTATION];
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * The classic plugin's name for {@link isCircleCIAvailable}.
 * @public
 */
export const isPluginApplicableToEntity = isCircleCIAvailable;
