import type { ConfigApi, DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CircleCIApi } from './CircleCIApi';
import { lazyCircleCIApi } from './lazyCircleCIApi';

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
  return lazyCircleCIApi(() =>
    import('./CircleCIClient').then(
      m =>
        new m.CircleCIClient({
          discoveryApi,
          fetchApi,
          proxyPath: configApi.getOptionalString('circleci.proxyPath'),
        }),
    ),
  );
}
