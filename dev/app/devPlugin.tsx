/*
 * What the new-frontend-system dev app adds around the plugin: a catalog
 * API holding the demo entities (no catalog backend), and `/`, which opens
 * the busy entity's CI/CD tab (the live project's in live mode).
 */
import { useEffect } from 'react';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendModule,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  useApi,
  useAppNavigate,
  type DiscoveryApi,
  type FetchApi,
} from '@backstage/frontend-plugin-api';
import { catalogApiRef, type CatalogApi } from '@backstage/plugin-catalog-react';
import {
  BUSY_ENTITY,
  type DevSettings,
  demoEntities,
  liveEntity,
} from '../demoEntities';

/** Asks the dev backend whether it proxies to the real CircleCI. */
async function readDevSettings(discoveryApi: DiscoveryApi, fetchApi: FetchApi) {
  const baseUrl = await discoveryApi.getBaseUrl('devsettings');
  const response = await fetchApi.fetch(`${baseUrl}/settings`);
  if (!response.ok) throw new Error(`dev backend answered ${response.status}`);
  return (await response.json()) as DevSettings;
}

/** A catalog of the demo entities, plus the live project in live mode. */
function createDemoCatalog(discoveryApi: DiscoveryApi, fetchApi: FetchApi): CatalogApi {
  let client: Promise<CatalogApi> | undefined;
  const get = () =>
    (client ??= readDevSettings(discoveryApi, fetchApi)
      .catch(() => undefined)
      .then(settings => {
        const entities = [...demoEntities];
        if (settings?.live && settings.projectSlug) entities.push(liveEntity(settings.projectSlug));
        return new InMemoryCatalogClient({ entities });
      }));
  return new Proxy({} as CatalogApi, {
    get: (_target, method: keyof CatalogApi) =>
      async (...args: unknown[]) => {
        const catalog = await get();
        return (catalog[method] as (...a: unknown[]) => unknown).apply(catalog, args);
      },
  });
}

/** Replaces the catalog plugin's API (`api:catalog`) with the demo catalog. */
export const demoCatalogModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [
    ApiBlueprint.make({
      params: defineParams =>
        defineParams({
          api: catalogApiRef,
          deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
          factory: ({ discoveryApi, fetchApi }) => createDemoCatalog(discoveryApi, fetchApi),
        }),
    }),
  ],
});

function Home() {
  const navigate = useAppNavigate();
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  useEffect(() => {
    let cancelled = false;
    readDevSettings(discoveryApi, fetchApi)
      .catch(() => undefined)
      .then(settings => {
        if (cancelled) return;
        const name = settings?.live ? 'live-project' : BUSY_ENTITY;
        navigate(`/catalog/default/component/${name}/ci-cd`, { replace: true });
      });
    return () => {
      cancelled = true;
    };
  }, [discoveryApi, fetchApi, navigate]);
  return null;
}

/** `/` of the dev app. */
export const devPlugin = createFrontendPlugin({
  pluginId: 'circleci-dev',
  extensions: [
    PageBlueprint.make({
      name: 'home',
      params: { path: '/', noHeader: true, loader: async () => <Home /> },
    }),
  ],
});
