import { z } from 'zod';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isCircleCIAvailable } from '../isCircleCIAvailable';

/*
 * Placement: every card is a `content` card. The catalog's overview
 * (DefaultEntityContentLayout) stacks `info` cards in a narrow right
 * column that sticks to the window and scrolls on its own, and cards an
 * app enables in `app.extensions` come before the catalog's own: an
 * `info` card of ours would push the About card down, out of view. The
 * wide `content` column also gives the insights card's table its room.
 * (`summary` is deprecated: the layout warns and treats it apart.)
 */

/**
 * The latest pipeline (`entity-card:circleci/latest-pipeline`).
 * Config: `branch` (default: the project's default branch). Disabled until
 * enabled in `app.extensions`.
 * @alpha
 */
export const circleCILatestPipelineCard = EntityCardBlueprint.makeWithOverrides({
  name: 'latest-pipeline',
  disabled: true,
  configSchema: {
    branch: z.string().min(1).optional(),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      type: 'content',
      filter: isCircleCIAvailable,
      loader: () =>
        import('../components/cards/LatestPipelineCard').then(m => (
          <m.LatestPipelineCard branch={config.branch} />
        )),
    });
  },
});

/**
 * The last pipelines (`entity-card:circleci/recent-pipelines`).
 * Config: `limit` (default 5) and `branch`. Disabled until enabled in
 * `app.extensions`.
 * @alpha
 */
export const circleCIRecentPipelinesCard = EntityCardBlueprint.makeWithOverrides({
  name: 'recent-pipelines',
  disabled: true,
  configSchema: {
    branch: z.string().min(1).optional(),
    limit: z.number().int().min(1).max(20).default(5),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      type: 'content',
      filter: isCircleCIAvailable,
      loader: () =>
        import('../components/cards/RecentPipelinesCard').then(m => (
          <m.RecentPipelinesCard branch={config.branch} limit={config.limit} />
        )),
    });
  },
});

/**
 * CI insights (`entity-card:circleci/insights`): per workflow its success
 * rate, p95 duration and their trends, plus the flaky tests, linked to the
 * tab's Insights view. Config: `window` (a reporting window, default
 * `last-30-days`), `branch` (default: the project's default branch) and
 * `workflows` (names to show; default the 5 with the most runs). Disabled
 * until enabled in `app.extensions`.
 * @alpha
 */
export const circleCIInsightsCard = EntityCardBlueprint.makeWithOverrides({
  name: 'insights',
  disabled: true,
  configSchema: {
    window: z
      .enum(['last-24-hours', 'last-7-days', 'last-30-days', 'last-60-days', 'last-90-days'])
      .default('last-30-days'),
    branch: z.string().min(1).optional(),
    workflows: z.array(z.string().min(1)).min(1).max(20).optional(),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      type: 'content',
      filter: isCircleCIAvailable,
      loader: () =>
        import('../components/cards/InsightsCard').then(m => (
          <m.InsightsCard window={config.window} branch={config.branch} workflows={config.workflows} />
        )),
    });
  },
});
