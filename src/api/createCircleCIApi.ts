import type { ConfigApi, DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CircleCIApi } from './CircleCIApi';
import { lazyCircleCIApi } from './lazyCircleCIApi';

/**
 * The plugin's API implementation, shared by both frontend systems: the
 * client (with its response checks) is only downloaded on first use. The
 * mode comes from config, read here when the app starts, so neither mode
 * spends a request finding out: `circleci.backend.enabled: true` sends
 * every request to the CircleCI backend plugin (`/api/circleci`) and
 * offers `listPipelinesWithWorkflows` and `probeSignals`; otherwise `circleci.proxyPath`
 * selects the proxy endpoint.
 */
export function createCircleCIApi(deps: {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
  configApi: ConfigApi;
}): CircleCIApi {
  const { discoveryApi, fetchApi, configApi } = deps;
  const backend = configApi.getOptionalBoolean('circleci.backend.enabled') ?? false;
  return lazyCircleCIApi({
    load: () =>
      import('./CircleCIClient').then(
        m =>
          new m.CircleCIClient({
            discoveryApi,
            fetchApi,
            backend,
            proxyPath: configApi.getOptionalString('circleci.proxyPath'),
          }),
      ),
    absent: backend ? [] : ['listPipelinesWithWorkflows', 'probeSignals'],
  });
}
