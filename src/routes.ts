import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The route of the CircleCI tab, mounted by {@link EntityCircleCIContent}.
 * @public
 */
export const circleCIRouteRef = createRouteRef({ id: 'circleci' });
