/*
 * Two small pieces of the dev backend around the demo catalog:
 *   - a `devsettings` plugin: `GET /api/devsettings/settings` (signed-in
 *     users only, like every route here but the auth plugin's) tells the dev
 *     app whether it runs in live mode (and against which project slug) and
 *     which mode (`backend` or `proxy`); at startup it waits until the
 *     catalog serves every demo entity, processed (with its owner relation);
 *   - the backend's readiness (`/.backstage/health/v1/readiness`), which
 *     answers 503 until then. Backstage's own readiness comes about a second
 *     earlier, before the catalog has read its locations, and a user whose
 *     first request came then would get 404 for every project for the 30 s
 *     the backend plugin keeps a user's visible projects. Whatever waits for
 *     the backend (dev/stack.mjs, the benchmark) waits for the catalog too.
 */
import { CatalogClient } from '@backstage/catalog-client';
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  type AuthService,
  type LoggerService,
} from '@backstage/backend-plugin-api';

/** Whether the demo catalog is served yet; shared by the plugin and the readiness. */
export interface CatalogGate {
  ready: boolean;
}

/** Options of {@link createDevSettingsPlugin}. */
export interface DevSettingsOptions {
  live: boolean;
  mode: 'backend' | 'proxy';
  projectSlug: string | null;
  /** The refs the catalog must serve before the backend is ready. */
  entityRefs: string[];
  gate: CatalogGate;
  /** Give up waiting after this long (then ready anyway, with a warning). Default 60 s. */
  timeoutMs?: number;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Polls the catalog until it serves every entity of `entityRefs`, stitched (with its owner). */
async function waitForCatalog(options: {
  catalog: CatalogClient;
  auth: AuthService;
  logger: LoggerService;
  entityRefs: string[];
  timeoutMs: number;
}): Promise<void> {
  const { catalog, auth, logger, entityRefs, timeoutMs } = options;
  const t0 = Date.now();
  let problem = 'not asked yet';
  while (Date.now() - t0 < timeoutMs) {
    try {
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'catalog',
      });
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs, fields: ['kind', 'metadata.name', 'relations'] },
        { token },
      );
      const missing = items.filter(item => !item?.relations?.some(r => r.type === 'ownedBy')).length;
      if (missing === 0) {
        logger.info(`The catalog serves the ${entityRefs.length} demo entities (${Date.now() - t0} ms after start)`);
        return;
      }
      problem = `${missing} of ${entityRefs.length} demo entities not served yet`;
    } catch (error) {
      problem = String(error);
    }
    await sleep(200);
  }
  logger.warn(`The catalog does not serve the demo entities after ${timeoutMs} ms (${problem}); ready anyway`);
}

/** The `devsettings` plugin. */
export function createDevSettingsPlugin(options: DevSettingsOptions) {
  const { live, mode, projectSlug, entityRefs, gate, timeoutMs = 60_000 } = options;
  return createBackendPlugin({
    pluginId: 'devsettings',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          auth: coreServices.auth,
          discovery: coreServices.discovery,
          logger: coreServices.logger,
          lifecycle: coreServices.lifecycle,
        },
        async init({ httpRouter, auth, discovery, logger, lifecycle }) {
          const catalog = new CatalogClient({ discoveryApi: discovery });
          lifecycle.addStartupHook(() => {
            waitForCatalog({ catalog, auth, logger, entityRefs, timeoutMs }).then(() => {
              gate.ready = true;
            });
          });
          httpRouter.use((req, res, next) => {
            if (req.method === 'GET' && req.path === '/settings') {
              res.json({ live, mode, projectSlug: live ? projectSlug : null });
              return;
            }
            next();
          });
        },
      });
    },
  });
}

/**
 * The backend's readiness: Backstage's rule (503 before the backend has
 * started and while it shuts down), and 503 until `gate` says the demo
 * catalog is served.
 */
export function devRootHealthServiceFactory(options: { gate: CatalogGate }) {
  const { gate } = options;
  return createServiceFactory({
    service: coreServices.rootHealth,
    deps: { lifecycle: coreServices.rootLifecycle },
    async factory({ lifecycle }) {
      let state: 'init' | 'up' | 'down' = 'init';
      lifecycle.addStartupHook(() => {
        state = 'up';
      });
      lifecycle.addBeforeShutdownHook(() => {
        state = 'down';
      });
      const notReady = (message: string) => ({ status: 503, payload: { message, status: 'error' } });
      return {
        getLiveness: async () => ({ status: 200, payload: { status: 'ok' } }),
        getReadiness: async () => {
          if (state === 'init') return notReady('Backend has not started yet');
          if (state === 'down') return notReady('Backend is shutting down');
          if (!gate.ready) return notReady('The catalog does not serve the demo entities yet');
          return { status: 200, payload: { status: 'ok' } };
        },
      };
    },
  });
}
