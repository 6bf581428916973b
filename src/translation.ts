import { createTranslationRef } from '@backstage/core-plugin-api/alpha';

/**
 * Every user-visible text of the plugin, so that an app can translate or
 * reword it (`createTranslationMessages` / the app's translation API).
 * English is the default. Keys are grouped by where the text appears.
 * @alpha
 */
export const circleCITranslationRef = createTranslationRef({
  id: 'circleci',
  messages: {
    cards: {
      latestPipelineTitle: 'Latest pipeline',
      recentPipelinesTitle: 'Recent pipelines',
    },
  },
});
