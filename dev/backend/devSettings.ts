/*
 * A tiny `devsettings` plugin of the dev backend:
 *   - `GET /api/devsettings/settings` (signed-in users only, like every
 *     route here but the auth plugin's) tells the dev app whether it runs
 *     in live mode (and against which project slug) and which mode
 *     (`backend` or `proxy`);
 *   - `GET /api/devsettings/ready` (no credentials: the dev stack polls it)
 *     answers 200 once the catalog serves every demo entity, 503 before.
 *     The backend's own readiness comes earlier, before the catalog has
 *     read its locations; until then every read of the CircleCI backend
 *     plugin would be a 404 (no entity names the project).
 */
import { CatalogClient } from '@backstage/catalog-client';
import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';

/** Options of {@link createDevSettingsPlugin}. */
export interface DevSettingsOptions {
  live: boolean;
  mode: 'backend' | 'proxy';
  projectSlug: string | null;
  /** The refs the catalog must serve before `/ready` answers 200. */
  entityRefs: string[];
}

/** The `devsettings` plugin. */
export function createDevSettingsPlugin(options: DevSettingsOptions) {
  const { live, mode, projectSlug, entityRefs } = options;
  return createBackendPlugin({
    pluginId: 'devsettings',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          auth: coreServices.auth,
          discovery: coreServices.discovery,
        },
        async init({ httpRouter, auth, discovery }) {
          const catalog = new CatalogClient({ discoveryApi: discovery });
          let ready = false;
          const catalogReady = async () => {
            if (ready) return true;
            const { token } = await auth.getPluginRequestToken({
              onBehalfOf: await auth.getOwnServiceCredentials(),
              targetPluginId: 'catalog',
            });
            const { items } = await catalog.getEntitiesByRefs(
              { entityRefs, fields: ['kind', 'metadata.name', 'relations'] },
              { token },
            );
            // Processed and stitched: the owner relation is there too.
            ready = items.every(item => item?.relations?.some(r => r.type === 'ownedBy'));
            return ready;
          };
          httpRouter.addAuthPolicy({ path: '/ready', allow: 'unauthenticated' });
          httpRouter.use((req, res, next) => {
            if (req.method === 'GET' && req.path === '/settings') {
              res.json({ live, mode, projectSlug: live ? projectSlug : null });
              return;
            }
            if (req.method === 'GET' && req.path === '/ready') {
              catalogReady().then(
                ok => res.status(ok ? 200 : 503).json({ catalog: ok ? 'ready' : 'loading' }),
                error => res.status(503).json({ catalog: 'unavailable', message: String(error) }),
              );
              return;
            }
            next();
          });
        },
      });
    },
  });
}
