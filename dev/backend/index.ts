/*
 * Dev-only Backstage backend for the CircleCI plugin's dev app.
 *
 * Runs the REAL Backstage backend (`@backstage/backend-defaults`) with:
 *   - this repository's backend plugin
 *     (`@circleci-backstage/plugin-circleci-backend`, below /api/circleci),
 *     configured by `circleci.token` and `circleci.baseUrl` (app-config.yaml)
 *     with the same token and target as the proxy; not in proxy mode
 *     (CIRCLECI_MODE=proxy), where the dev app uses the proxy alone;
 *   - the catalog backend (`@backstage/plugin-catalog-backend`) with the
 *     demo entities (dev/demoEntities.ts), written at startup into a catalog
 *     file registered in `catalog.locations` (dev/backend/devCatalog.ts):
 *     the backend plugin checks every read against it, with the user's
 *     credentials, and the new-frontend-system dev app reads its entities
 *     from it;
 *   - the permission backend (`@backstage/plugin-permission-backend`,
 *     `permission.enabled: true` in app-config.yaml) with the "owners may
 *     act" policy of docs/permissions.md (dev/backend/permissionPolicy.ts):
 *     the guest owns every demo entity but `bucket`, so it may act on
 *     rocket's project and not on bucket's;
 *   - the proxy plugin, whose `/circleci/api` endpoint is configured exactly
 *     like production (`credentials: require`, `Circle-Token` injected
 *     server-side, see app-config.yaml), in both modes: it is the supported
 *     fallback when the backend plugin is not installed;
 *   - the auth plugin + guest provider, so the dev app signs in as a guest
 *     and sends a real Backstage user token;
 *   - the signals plugin (`@backstage/plugin-signals-backend`, on the events
 *     service backend-defaults provides): the backend plugin publishes
 *     CircleCI webhooks' completions on it; dev/stack.mjs sets
 *     `circleci.webhook.secret` (APP_CONFIG_circleci_webhook_secret, new at
 *     each start) and has the fake send its webhooks here (docs/webhooks.md);
 *   - a tiny `devsettings` plugin (dev/backend/devSettings.ts) that tells the
 *     dev app whether it runs in live mode (and against which project slug)
 *     and which mode (`backend` or `proxy`); the backend's readiness
 *     (`/.backstage/health/v1/readiness`) waits until the catalog serves the
 *     demo entities, about a second after Backstage's own.
 *
 * The databases are in memory (better-sqlite3, `:memory:`, app-config.yaml):
 * every start begins from the demo entities. Plugin-to-plugin keys come from
 * a static key pair generated at startup into a temp dir (with the catalog
 * file), removed on exit; the auth plugin's signing keys live in memory.
 *
 * Environment:
 *   CIRCLECI_PROJECT_SLUG  live mode: use https://circleci.com/api and
 *                          show this slug in the dev app (CIRCLECI_LIVE=1
 *                          forces live mode too); the catalog gets an entity
 *                          for it (`live-project`, not the guest's: no actions)
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
 *   CIRCLECI_MCP_TOKEN     a static token (backend.auth.externalAccess, at least
 *                          8 characters, restricted to mcp-actions, circleci, catalog) with
 *                          which an MCP client reaches /api/mcp-actions/v1; it is a
 *                          service principal: it reads, writes are refused
 *                          (docs/ai-assistants.md); the e2e makes a fresh one
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBackend } from '@backstage/backend-defaults';
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import authPlugin from '@backstage/plugin-auth-backend';
import authModuleGuestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import proxyPlugin from '@backstage/plugin-proxy-backend';
import { devCatalogEntities, devCatalogRefs, writeDevCatalog } from './devCatalog';
import { createDevSettingsPlugin, devRootHealthServiceFactory, type CatalogGate } from './devSettings';
import permissionPolicyModule from './permissionPolicy';

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

/** A temp dir for the generated files, removed on exit. */
function makeTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'circleci-dev-backend-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Writes a freshly generated ES256 key pair for `backend.auth.pluginKeyStore`
 * (type static) into `dir`, plus a config file pointing at it, whose path
 * it returns. Nothing is committed.
 */
function writeDevKeys(dir: string): string {
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
  return configFile;
}

/**
 * The MCP client's static token (CIRCLECI_MCP_TOKEN) as a config file in
 * `dir`, whose path it returns; none without the variable.
 */
function writeMcpAccess(dir: string): string[] {
  const token = process.env.CIRCLECI_MCP_TOKEN;
  if (!token) return [];
  const configFile = join(dir, 'app-config.mcp.yaml');
  const externalAccess = [
    // The MCP endpoint, the actions it calls and the catalog they read as the caller: nothing else.
    {
      type: 'static',
      options: { token, subject: 'mcp-client' },
      accessRestrictions: [{ plugin: 'mcp-actions' }, { plugin: 'circleci' }, { plugin: 'catalog' }],
    },
  ];
  writeFileSync(configFile, JSON.stringify({ backend: { auth: { externalAccess } } }), { mode: 0o600 });
  return [configFile];
}

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

const liveProjectSlug = live ? process.env.CIRCLECI_PROJECT_SLUG : undefined;
const entities = devCatalogEntities({ liveProjectSlug });
const tempDir = makeTempDir();
// The catalog file's config goes before the command line's files, so a
// local config can still replace catalog.locations.
const configArgs = [
  writeDevCatalog({ dir: tempDir, entities }),
  ...configFiles(),
  writeDevKeys(tempDir),
  ...writeMcpAccess(tempDir),
].flatMap(file => ['--config', file]);

const gate: CatalogGate = { ready: false };
const backend = createBackend();
backend.add(rootConfigServiceFactory({ argv: configArgs }));
backend.add(devRootHealthServiceFactory({ gate }));
backend.add(proxyPlugin);
if (mode === 'backend') {
  backend.add(import('@circleci-backstage/plugin-circleci-backend'));
  // The plugin's actions as MCP tools (/api/mcp-actions/v1), see docs/ai-assistants.md.
  backend.add(import('@backstage/plugin-mcp-actions-backend'));
}
backend.add(catalogPlugin);
backend.add(permissionPlugin);
backend.add(permissionPolicyModule);
backend.add(authPlugin);
backend.add(authModuleGuestProvider);
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(
  createDevSettingsPlugin({
    live,
    mode,
    projectSlug: liveProjectSlug ?? null,
    entityRefs: devCatalogRefs(entities),
    gate,
  }),
);
backend.start();
