/*
 * The backend plugin: wires Backstage's services to the upstream client,
 * the shared cache and the routes.
 */
import { createHash } from 'node:crypto';
import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { circleciPermissions } from '@circleci-backstage/plugin-circleci-common';
import { registerCircleCIActions } from './actions';
import { createProjectVisibility } from './access/visibility';
import { readSettings } from './config';
import { createAnswerCache } from './cache/answerCache';
import { createCachedReader } from './cache/reader';
import { createRouter } from './routes/router';
import { createUpstreamClient } from './upstream/client';
import { createRateLimitPause } from './upstream/pause';
import { createWebhookRouter } from './webhook/router';
import { createSeenEvents } from './webhook/seen';

/** Names a token without holding it (for the shared 429 window's key). */
function tokenId(token: string | undefined): string {
  return createHash('sha256').update(token ?? '').digest('hex').slice(0, 16);
}

/**
 * The CircleCI backend plugin (`pluginId: circleci`): CircleCI's API below
 * `/api/circleci`, with the token on the server, one shared cache and
 * CircleCI's rate limits respected for every user.
 * @public
 */
export const circleciPlugin = createBackendPlugin({
  pluginId: 'circleci',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const { config, logger, cache, httpAuth, httpRouter, permissions, permissionsRegistry, auditor, catalog } = deps;
        const settings = readSettings({ config });
        if (!settings.token) {
          logger.warn('circleci.token is not set: every request to CircleCI will answer 503 until it is.');
        }
        if (settings.actionsEnabled && !settings.permissionFrameworkEnabled) {
          logger.warn(
            'circleci.actions.enabled is true but permission.enabled is not: Backstage then allows every permission, ' +
              'so every signed-in user who can see a project may act on it.',
          );
        }
        permissionsRegistry.addPermissions([...circleciPermissions]);
        const now = () => Date.now();
        const onStoreError = (e: unknown) => logger.warn(`The CircleCI cache store failed: ${String(e)}`);
        const pause = createRateLimitPause({ key: tokenId(settings.token), now, store: cache, onStoreError });
        const upstream = createUpstreamClient({
          baseUrl: settings.baseUrl,
          token: settings.token,
          pause,
          now,
          onAttemptFailed: ({ method, path, status, error }) =>
            logger.warn(`CircleCI ${method} ${path} failed (${status ?? error?.message}); retrying`),
        });
        const answers = createAnswerCache({ cache, now, onStoreError });
        const reader = createCachedReader({
          answers,
          upstream,
          onUncacheable: ({ name, path, reason }) =>
            logger.warn(`CircleCI's answer to ${name} (GET ${path}) is not cached: ${reason}`),
        });
        const visibility = createProjectVisibility({ catalog, now });
        // CircleCI's webhooks carry no Backstage token: the signature is their check (webhook/router.ts).
        httpRouter.addAuthPolicy({ path: '/webhook', allow: 'unauthenticated' });
        httpRouter.use(
          createWebhookRouter({
            logger,
            httpAuth,
            secret: settings.webhookSecret,
            answers,
            seen: createSeenEvents({ cache, onStoreError }),
            signals: deps.signals,
          }),
        );
        const routeContext = { logger, httpAuth, settings, reader, answers, upstream, catalog, visibility, permissions, auditor };
        httpRouter.use(createRouter(routeContext));
        // The same reads and actions for AI assistants (MCP) and other callers of the actions registry.
        registerCircleCIActions({ registry: deps.actionsRegistry, context: routeContext });
        logger.info(
          `CircleCI backend: ${settings.baseUrl}, actions ${settings.actionsEnabled ? 'on' : 'off'}, ` +
            `webhooks ${settings.webhookSecret ? 'on' : 'off (circleci.webhook.secret not set)'}`,
        );
      },
    });
  },
});
