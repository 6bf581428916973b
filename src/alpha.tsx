/**
 * The CircleCI plugin for Backstage's new frontend system. An app with
 * `app.packages: all` picks up this entry's default export on its own.
 *
 * @packageDocumentation
 */
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { circleCIApi } from './alpha/apis';
import {
  circleCIInsightsCard,
  circleCILatestPipelineCard,
  circleCIRecentPipelinesCard,
} from './alpha/entityCards';
import { circleCIEntityContent } from './alpha/entityContent';
import { alphaRoutes } from './alpha/routes';

export { circleCIApi } from './alpha/apis';
export { circleCIEntityContent } from './alpha/entityContent';
export {
  circleCIInsightsCard,
  circleCILatestPipelineCard,
  circleCIRecentPipelinesCard,
} from './alpha/entityCards';
export { circleCITranslationRef } from './translation';

/**
 * The CircleCI plugin (id `circleci`) for the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'circleci',
  title: 'CircleCI',
  info: { packageJson: () => import('../package.json') },
  extensions: [
    circleCIApi,
    circleCIEntityContent,
    circleCILatestPipelineCard,
    circleCIRecentPipelinesCard,
    circleCIInsightsCard,
  ],
  routes: alphaRoutes,
});
