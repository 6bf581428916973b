import { createTranslationRef } from '@backstage/core-plugin-api/alpha';
import { actionsMessages } from './translation/actions';
import { commonMessages } from './translation/common';
import { errorsMessages } from './translation/errors';
import { insightsMessages } from './translation/insights';
import { jobMessages } from './translation/job';
import { pipelinesMessages } from './translation/pipelines';
import { statusMessages } from './translation/status';

/**
 * The English texts of every group, merged: the ref's defaults, and what a
 * test walks to find every text.
 * @internal
 */
export const circleCIMessages = {
  ...commonMessages,
  ...pipelinesMessages,
  ...jobMessages,
  ...actionsMessages,
  ...insightsMessages,
  ...errorsMessages,
  ...statusMessages,
} as const;

/**
 * Every user-visible text of the plugin, so that an app can translate or
 * reword it (`createTranslationMessages` / the app's translation API).
 * English is the default. Keys are grouped by where the text appears; the
 * groups live in src/translation/. Domain code names these keys in the
 * message descriptors it returns (`CircleCIMessage`), so every key is
 * checked by the compiler.
 * @public
 */
export const circleCITranslationRef = createTranslationRef({
  id: 'circleci',
  messages: circleCIMessages,
});
