/*
 * What the new-frontend-system dev app adds around the plugin: `/`, which
 * opens the busy entity's CI/CD tab (the live project's in live mode). The
 * catalog is the catalog plugin's own API, which reads the dev backend's
 * real catalog (the demo entities, dev/demoEntities.ts, served by
 * dev/backend/devCatalog.ts).
 */
import { useEffect } from 'react';
import {
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  useApi,
  useAppNavigate,
  type DiscoveryApi,
  type FetchApi,
} from '@backstage/frontend-plugin-api';
import { BUSY_ENTITY, type DevSettings } from '../demoEntities';

/** Asks the dev backend whether it proxies to the real CircleCI. */
async function readDevSettings(discoveryApi: DiscoveryApi, fetchApi: FetchApi) {
  const baseUrl = await discoveryApi.getBaseUrl('devsettings');
  const response = await fetchApi.fetch(`${baseUrl}/settings`);
  if (!response.ok) throw new Error(`dev backend answered ${response.status}`);
  return (await response.json()) as DevSettings;
}

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
