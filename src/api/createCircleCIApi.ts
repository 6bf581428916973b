import type { ConfigApi, DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CircleCIApi } from './CircleCIApi';
import { LazyCircleCIClient } from './LazyCircleCIClient';

/**
 * The plugin's API implementation, shared by both frontend systems: the
 * client (with its response checks) is only downloaded on first use, and
 * `circleci.proxyPath` selects the proxy endpoint.
 */
export function createCircleCIApi(deps: {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
  configApi: ConfigApi;
}): CircleCIApi {
  const { discoveryApi, fetchApi, configApi } = deps;
  return new LazyCircleCIClient({
    load: () =>
      import('./CircleCIClient').then(
        m =>
          new m.CircleCIClient({
            discoveryApi,
            fetchApi,
            proxyPath: configApi.getOptionalString('circleci.proxyPath'),
          }),
      ),
  });
}
