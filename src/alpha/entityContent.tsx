import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { importTabRoutes } from '../loaders';
import { isCircleCIAvailable } from '../isCircleCIAvailable';
import { alphaRoutes } from './routes';

/**
 * The CI/CD tab (`entity-content:circleci`). `path`, `title`, `group` and
 * `filter` can be overridden in app-config.
 * @alpha
 */
export const circleCIEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'ci-cd',
    title: 'CI/CD',
    group: 'development',
    routeRef: alphaRoutes.root,
    filter: isCircleCIAvailable,
    // The tab routes with React Router v6 itself: the adapter scopes it to
    // the tab's mount (no "implicit React Router v6 routing" warning).
    loader: () =>
      importTabRoutes().then(m => (
        <ReactRouterV6PageRouter>
          <m.TabRoutes />
        </ReactRouterV6PageRouter>
      )),
  },
});
