import {
  ApiBlueprint,
  configApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { circleCIApiRef } from '../api/CircleCIApi';
import { createCircleCIApi } from '../api/createCircleCIApi';

/**
 * The CircleCI API (`api:circleci`), with the lazily loaded client.
 * @alpha
 */
export const circleCIApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: circleCIApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef, configApi: configApiRef },
      factory: createCircleCIApi,
    }),
});
