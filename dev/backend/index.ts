/*
 * Dev-only Backstage backend for the CircleCI plugin's dev app.
 *
 * Runs the REAL Backstage backend (`@backstage/backend-defaults`) with:
 *   - this repository's backend plugin
 *     (`@circleci-backstage/plugin-circleci-backend`, below /api/circleci),
 *     configured by `circleci.token` and `circleci.baseUrl` (app-config.yaml)
 *     with the same token and target as the proxy; not in proxy mode
 *     (CIRCLECI_MODE=proxy), where the dev app uses the proxy alone;
 *   - the proxy plugin, whose `/circleci/api` endpoint is configured exactly
 *     like production (`credentials: require`, `Circle-Token` injected
 *     server-side, see app-config.yaml), in both modes: it is the supported
 *     fallback when the backend plugin is not installed;
 *   - the auth plugin + guest provider, so the dev app signs in as a guest
 *     and sends a real Backstage user token;
 *   - a tiny `devsettings` plugin that tells the dev app whether it runs in
 *     live mode (and against which project slug) and which mode
 *     (`backend` or `proxy`).
 *
 * No SQL database is needed: plugin-to-plugin keys come from a static key
 * pair generated at startup into a temp dir, the auth plugin's signing keys
 * live in memory, and the few rows the auth plugin writes go to an in-memory
 * pg-mem database.
 *
 * Environment:
 *   CIRCLECI_PROJECT_SLUG  live mode: use https://circleci.com/api and
 *                          show this slug in the dev app (CIRCLECI_LIVE=1
 *                          forces live mode too)
 *   CIRCLECI_AUTH_TOKEN    CircleCI token the proxy and the plugin send (required in
 *                          live mode; defaults to the fake's token otherwise)
 *   FAKE_CIRCLECI_PORT     fake CircleCI port (default 7099)
 *   FAKE_CIRCLECI_TOKEN    fake CircleCI token (default fake-circleci-token)
 *   CIRCLECI_API_TARGET    override CircleCI's API root entirely (the proxy's
 *                          target and the backend plugin's circleci.baseUrl)
 *   CIRCLECI_MODE          `backend` (default: the backend plugin is added)
 *                          or `proxy` (it is not; the proxy alone serves the
 *                          dev app, whose circleci.backend.enabled dev/stack.mjs
 *                          then sets to false)
 *   DEV_BACKEND_EXTRA_CONFIG  more config files, comma-separated, read last
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBackend } from '@backstage/backend-defaults';
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import authPlugin from '@backstage/plugin-auth-backend';
import authModuleGuestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import proxyPlugin from '@backstage/plugin-proxy-backend';
import { newDb } from 'pg-mem';

const live =
  process.env.CIRCLECI_LIVE === '1' || Boolean(process.env.CIRCLECI_PROJECT_SLUG);

const mode = process.env.CIRCLECI_MODE || 'backend';
if (mode !== 'backend' && mode !== 'proxy') {
  // eslint-disable-next-line no-console
  console.error(`CIRCLECI_MODE must be 'backend' or 'proxy', not '${mode}'.`);
  process.exit(2);
}

// The guest sign-in provider only works with NODE_ENV=development.
process.env.NODE_ENV ??= 'development';

if (live) {
  if (!process.env.CIRCLECI_AUTH_TOKEN) {
    // eslint-disable-next-line no-console
    console.error(
      'Live mode (CIRCLECI_PROJECT_SLUG / CIRCLECI_LIVE set) needs CIRCLECI_AUTH_TOKEN, a CircleCI personal API token.',
    );
    process.exit(2);
  }
  process.env.CIRCLECI_API_TARGET ??= 'https://circleci.com/api';
} else {
  const port = process.env.FAKE_CIRCLECI_PORT ?? '7099';
  process.env.CIRCLECI_API_TARGET ??= `http://127.0.0.1:${port}/api`;
  process.env.CIRCLECI_AUTH_TOKEN ??=
    process.env.FAKE_CIRCLECI_TOKEN ?? 'fake-circleci-token';
}

/**
 * Writes a freshly generated ES256 key pair for `backend.auth.pluginKeyStore`
 * (type static) plus a config file pointing at it. Nothing is committed; the
 * directory is removed on exit.
 */
function writeDevKeys(): string {
  const dir = mkdtempSync(join(tmpdir(), 'circleci-dev-backend-'));
  const { publicKey, privateKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
  });
  const publicKeyFile = join(dir, 'public.pem');
  const privateKeyFile = join(dir, 'private.pem');
  writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  writeFileSync(
    privateKeyFile,
    privateKey.export({ type: 'pkcs8', format: 'pem' }),
    { mode: 0o600 },
  );
  const configFile = join(dir, 'app-config.keys.yaml');
  writeFileSync(
    configFile,
    JSON.stringify({
      backend: {
        auth: {
          pluginKeyStore: {
            type: 'static',
            static: {
              keys: [{ publicKeyFile, privateKeyFile, keyId: randomUUID() }],
            },
          },
        },
      },
    }),
  );
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', cleanup);
  return configFile;
}

/**
 * Replaces the SQL database service (whose default, SQLite, needs the native
 * better-sqlite3 module) with an in-memory pg-mem database. Only the auth
 * plugin uses it here, and only to remember the signed-in user's info.
 * pg-mem cannot run the auth plugin's migrations, so they are skipped and
 * the one table the guest sign-in writes to is created by hand.
 */
const inMemoryDatabaseServiceFactory = createServiceFactory({
  service: coreServices.database,
  deps: { pluginMetadata: coreServices.pluginMetadata },
  async factory({ pluginMetadata }) {
    const pluginId = pluginMetadata.getId();
    if (pluginId !== 'auth') {
      // Every plugin's auth service depends on the database service, but
      // only touches it for the `database` plugin key store (not used here).
      return {
        getClient: async () => {
          throw new Error(
            `The CircleCI dev backend has no database for plugin '${pluginId}'`,
          );
        },
      };
    }
    const db = newDb();
    db.public.none(`
      create table user_info (
        user_entity_ref varchar(255) primary key not null,
        user_info text not null,
        updated_at timestamp not null,
        created_at timestamp not null default now()
      );
    `);
    const client = db.adapters.createKnex();
    return {
      getClient: async () => client,
      migrations: { skip: true },
    };
  },
});

/**
 * Tells the dev app which mode it runs in (signed-in users only, like every
 * other route here except the auth plugin's).
 */
const devSettingsPlugin = createBackendPlugin({
  pluginId: 'devsettings',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        httpRouter.use((req, res, next) => {
          if (req.method === 'GET' && req.path === '/settings') {
            res.json({
              live,
              mode,
              projectSlug: live ? process.env.CIRCLECI_PROJECT_SLUG ?? null : null,
            });
            return;
          }
          next();
        });
      },
    });
  },
});

/** `--config` files from the command line, else app-config(.local).yaml. */
function configFiles(): string[] {
  const files: string[] = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--config' && argv[i + 1]) files.push(resolve(argv[++i]));
    else if (argv[i].startsWith('--config=')) files.push(resolve(argv[i].slice(9)));
  }
  if (files.length === 0) {
    const repoRoot = resolve(__dirname, '../..');
    files.push(join(repoRoot, 'app-config.yaml'));
    const local = join(repoRoot, 'app-config.local.yaml');
    if (existsSync(local)) files.push(local);
  }
  // Extra files on top (e.g. the benchmark's proxy endpoint for its peer,
  // bench/peer/app-config.peer.yaml), comma-separated.
  for (const extra of (process.env.DEV_BACKEND_EXTRA_CONFIG ?? '').split(',')) {
    if (extra.trim()) files.push(resolve(extra.trim()));
  }
  return files;
}

const configArgs = [...configFiles(), writeDevKeys()].flatMap(file => [
  '--config',
  file,
]);

const backend = createBackend();
backend.add(rootConfigServiceFactory({ argv: configArgs }));
backend.add(inMemoryDatabaseServiceFactory);
backend.add(proxyPlugin);
if (mode === 'backend') {
  backend.add(import('@circleci-backstage/plugin-circleci-backend'));
}
backend.add(authPlugin);
backend.add(authModuleGuestProvider);
backend.add(devSettingsPlugin);
backend.start();
