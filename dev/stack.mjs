/*
 * The one starter of the dev stack, for `npm start` (dev/start.mjs), the
 * e2e test (e2e/) and the benchmark (bench/):
 *   1. the fake CircleCI on 127.0.0.1 (dev/fake-circleci/server.ts), not in
 *      live mode;
 *   2. the dev backend (dev/backend/index.ts: this repository's backend
 *      plugin, the real catalog with the demo entities, the real permission
 *      framework with the dev policy, the real proxy and guest sign-in),
 *      listening on 127.0.0.1, ready once the catalog serves the entities;
 *   3. the dev app (`backstage-cli package start`): the new-frontend-system
 *      one (dev/app/index.tsx) or the legacy one (dev/index.tsx).
 * Each is started once the previous one answers, each in a process group
 * of its own, and all are stopped by PID (whole groups), also as soon as
 * one of them exits by itself.
 *
 * Two modes: `backend` (the default: the backend plugin serves
 * /api/circleci and the dev app's circleci.backend.enabled is true) and
 * `proxy` (`npm start -- --proxy` or CIRCLECI_MODE=proxy: no backend
 * plugin, circleci.backend.enabled false, the dev app uses the proxy
 * endpoint, which is configured in both modes).
 *
 * Webhooks (backend mode with the fake, unless `webhooks: false` or
 * DEV_WEBHOOKS=0): a signing secret made at each start is given to the
 * backend (circleci.webhook.secret) and to the fake, which POSTs each
 * completion to the backend's /api/circleci/webhook (docs/webhooks.md).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLog, portInUse, startProcess, stopProcesses, waitForUrl, waitUntil } from './stack/process.mjs';

export { createLog, sleep, startProcess, stopProcesses, waitForUrl, waitUntil } from './stack/process.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The default ports (those of app-config.yaml: backend.listen.port, app.baseUrl). */
export const DEFAULT_PORTS = Object.freeze({ fake: 7099, backend: 7007, app: 3000 });
const DEFAULT_TOKEN = 'fake-circleci-token';
const DEFAULT_TIMEOUTS_MS = { fake: 60_000, backend: 120_000, app: 600_000 };

/** Ports and URLs of a stack on `{ fake, backend, app }` ports. */
export function stackUrls({ fake, backend, app } = DEFAULT_PORTS) {
  const backendUrl = `http://localhost:${backend}`;
  return {
    fakePort: fake,
    backendPort: backend,
    appPort: app,
    fake: `http://127.0.0.1:${fake}`,
    backend: backendUrl,
    app: `http://localhost:${app}`,
    proxy: `${backendUrl}/api/proxy/circleci/api/`,
    /** The backend plugin's base URL (backend mode only). */
    plugin: `${backendUrl}/api/circleci/`,
  };
}

/**
 * The stack options `npm start` takes from the environment: the ports
 * (FAKE_CIRCLECI_PORT, DEV_BACKEND_PORT, DEV_APP_PORT), the fake's token
 * (FAKE_CIRCLECI_TOKEN), the legacy app (`--legacy` in `argv` or
 * DEV_APP=legacy), live mode (CIRCLECI_LIVE=1 or CIRCLECI_PROJECT_SLUG) and
 * the mode (`--proxy` in `argv` or CIRCLECI_MODE=proxy: proxy-only; else
 * `backend`). Throws on a CIRCLECI_MODE other than `backend` or `proxy`.
 */
export function stackOptionsFromEnv({ env = process.env, argv = process.argv } = {}) {
  return {
    ports: {
      fake: Number(env.FAKE_CIRCLECI_PORT ?? DEFAULT_PORTS.fake),
      backend: Number(env.DEV_BACKEND_PORT || DEFAULT_PORTS.backend),
      app: Number(env.DEV_APP_PORT || DEFAULT_PORTS.app),
    },
    token: env.FAKE_CIRCLECI_TOKEN ?? DEFAULT_TOKEN,
    legacy: argv.includes('--legacy') || env.DEV_APP === 'legacy',
    live: env.CIRCLECI_LIVE === '1' || Boolean(env.CIRCLECI_PROJECT_SLUG),
    mode: modeFrom({ env, argv }),
    webhooks: env.DEV_WEBHOOKS !== '0',
  };
}

/** The dev stack's modes: with this repository's backend plugin, or the proxy alone. */
export const MODES = Object.freeze(['backend', 'proxy']);

function modeFrom({ env, argv }) {
  if (argv.includes('--proxy')) return 'proxy';
  const mode = env.CIRCLECI_MODE || 'backend';
  if (!MODES.includes(mode)) {
    throw new Error(`CIRCLECI_MODE must be ${MODES.join(' or ')}, not '${mode}'`);
  }
  return mode;
}

/** The three processes of a stack, in start order (no fake in live mode). */
function pieces({ root, urls, ports, token, live, legacy, mode, webhook, timeoutsMs }) {
  const bin = name => join(root, 'node_modules', '.bin', name);
  // Config overrides for non-default ports (the backend and the dev app both read them).
  const portEnv =
    ports.backend !== DEFAULT_PORTS.backend || ports.app !== DEFAULT_PORTS.app
      ? {
          APP_CONFIG_backend_baseUrl: urls.backend,
          APP_CONFIG_backend_listen_port: String(ports.backend),
          APP_CONFIG_backend_cors_origin: urls.app,
          APP_CONFIG_app_baseUrl: urls.app,
        }
      : {};
  const fake = {
    name: 'fake',
    what: 'fake CircleCI',
    port: ports.fake,
    command: bin('tsx'),
    args: [join(root, 'dev', 'fake-circleci', 'server.ts')],
    env: {
      FAKE_CIRCLECI_PORT: String(ports.fake),
      FAKE_CIRCLECI_TOKEN: token,
      FAKE_CIRCLECI_WEBHOOK_URL: webhook?.url ?? '',
      FAKE_CIRCLECI_WEBHOOK_SECRET: webhook?.secret ?? '',
    },
    ready: `${urls.fake}/__fake/health`,
    timeoutMs: timeoutsMs.fake,
  };
  const backend = {
    name: 'backend',
    what: 'backend',
    port: ports.backend,
    command: bin('tsx'),
    args: [join('dev', 'backend', 'index.ts')],
    env: {
      NODE_ENV: 'development',
      CIRCLECI_MODE: mode,
      ...portEnv,
      ...(live ? {} : { CIRCLECI_AUTH_TOKEN: token, CIRCLECI_API_TARGET: `${urls.fake}/api` }),
      ...(webhook ? { APP_CONFIG_circleci_webhook_secret: webhook.secret } : {}),
    },
    // The dev backend's readiness waits until the catalog serves the demo entities.
    ready: `http://127.0.0.1:${ports.backend}/.backstage/health/v1/readiness`,
    timeoutMs: timeoutsMs.backend,
  };
  const frontend = {
    name: 'frontend',
    what: 'frontend',
    port: ports.app,
    // With dev/stack/workspaceRoot.cjs preloaded: the root is an npm
    // workspaces root too, which the CLI's config loading does not expect.
    command: process.execPath,
    args: [
      '--require', join(root, 'dev', 'stack', 'workspaceRoot.cjs'),
      bin('backstage-cli'), 'package', 'start', '--entrypoint', legacy ? 'dev' : join('dev', 'app'),
    ],
    // The dev app never needs the CircleCI token; keep it out of its env.
    env: {
      ...portEnv,
      APP_CONFIG_circleci_backend_enabled: String(mode === 'backend'),
      BROWSER: 'none',
      CIRCLECI_AUTH_TOKEN: '',
      FAKE_CIRCLECI_TOKEN: '',
    },
    ready: `${urls.app}/`,
    timeoutMs: timeoutsMs.app,
  };
  return live ? [backend, frontend] : [fake, backend, frontend];
}

/**
 * A dev stack, not started yet. Options: `ports` ({ fake, backend, app },
 * default DEFAULT_PORTS), `token` (the fake's CircleCI token, which the
 * proxy and the backend plugin send), `live` (no fake: both target
 * https://circleci.com/api with CIRCLECI_AUTH_TOKEN), `legacy` (the legacy
 * dev app), `mode` (`backend`, the default, or `proxy`; see above), `env` (more
 * variables for every process), `logPath` (default: stdout), `say`
 * (readiness and exit notices), `timeoutsMs` ({ fake, backend, app }),
 * `webhooks` (default true: the fake sends signed webhooks to the backend,
 * in backend mode without live),
 * `onExit` (called once a process exited by itself and the rest stopped).
 *
 * Returns `{ urls, token, mode, webhook, start(), stop(), waitUntil(), tail(), note(), exited() }`
 * (`webhook`: `{ url, secret }` the fake sends to, or undefined):
 * `start()` starts the processes one by one, each once the previous one
 * answers (on failure it stops them and throws); `stop()` stops them all
 * (at any time; idempotent); `waitUntil({ what, check, timeoutMs })` polls
 * `check` and fails as soon as the stack exits; `tail(lines)` is the end
 * of the log; `note(text)` logs a line of the starter's own.
 */
export function createStack({
  ports = DEFAULT_PORTS,
  token = DEFAULT_TOKEN,
  live = false,
  legacy = false,
  mode = 'backend',
  webhooks = true,
  env = {},
  logPath,
  say,
  timeoutsMs = {},
  onExit,
  root = ROOT,
} = {}) {
  if (!MODES.includes(mode)) throw new Error(`mode must be ${MODES.join(' or ')}, not '${mode}'`);
  const urls = stackUrls(ports);
  const log = createLog({ logPath });
  const note = text => log.line('start', text);
  const baseEnv = { ...process.env, ...(log.toFile ? { NO_COLOR: '1' } : {}), ...env };
  if (!live) {
    // Never a real CircleCI project: dev/backend/index.ts reads these too.
    delete baseEnv.CIRCLECI_PROJECT_SLUG;
    delete baseEnv.CIRCLECI_LIVE;
  }
  // Not valid JSON (APP_CONFIG_ values are parsed as JSON first), so it stays a string.
  const webhook =
    webhooks && mode === 'backend' && !live
      ? { url: `http://127.0.0.1:${ports.backend}/api/circleci/webhook`, secret: `whsec-${randomBytes(24).toString('hex')}` }
      : undefined;
  const order = pieces({
    root, urls, ports, token, live, legacy, mode, webhook, timeoutsMs: { ...DEFAULT_TIMEOUTS_MS, ...timeoutsMs },
  });
  const children = [];
  let stopping;
  let exited = false;
  const alive = () => !stopping && !exited;

  function stop() {
    stopping ??= stopProcesses({ children, log }).then(log.end);
    return stopping;
  }

  function launch(piece) {
    const child = startProcess({
      name: piece.name,
      command: piece.command,
      args: piece.args,
      cwd: root,
      env: { ...baseEnv, ...piece.env },
      log,
      onExit: ({ code, signal, error }) => {
        if (stopping) return;
        exited = true;
        const how = error ? `could not start: ${error.message}` : `exited (${signal ?? `code ${code}`})`;
        note(`${piece.name} ${how}; stopping everything`);
        say?.(`${piece.what} ${how}`);
        stop().then(() => onExit?.({ name: piece.name, code, signal, error }));
      },
    });
    children.push(child);
  }

  async function start() {
    try {
      for (const { port, what } of order) {
        if ((await portInUse({ port, host: '127.0.0.1' })) || (await portInUse({ port, host: '::1' }))) {
          throw new Error(`port ${port} (${what}) is already in use; stop whatever runs there first`);
        }
      }
      note(
        mode === 'backend'
          ? 'backend mode: the dev app reads CircleCI through the backend plugin (/api/circleci)'
          : 'proxy mode: no backend plugin; the dev app reads CircleCI through the proxy',
      );
      if (live) {
        note(`live mode: https://circleci.com/api for ${baseEnv.CIRCLECI_PROJECT_SLUG ?? '(no slug)'}`);
      } else if (!existsSync(order[0].args[0])) {
        throw new Error(`missing ${order[0].args[0]}`);
      }
      for (const piece of order) {
        if (!alive()) throw new Error(`the stack stopped before ${piece.what} started`);
        launch(piece);
        await waitForUrl({ what: piece.what, url: piece.ready, timeoutMs: piece.timeoutMs, alive });
        note(`${piece.what} is ready (${piece.ready})`);
        say?.(`${piece.what} is ready (${piece.ready})`);
      }
    } catch (error) {
      await stop();
      throw error;
    }
  }

  return {
    urls,
    token,
    mode,
    webhook,
    start,
    stop,
    note,
    tail: lines => log.tail(lines),
    exited: () => exited,
    waitUntil: ({ what, check, timeoutMs }) => waitUntil({ what, check, timeoutMs, alive }),
  };
}

/**
 * A Backstage token of the guest user (whom the dev app signs in as), for
 * calling the proxy or the backend plugin from Node; `backend` is the
 * backend's URL.
 */
export async function guestToken({ backend }) {
  const response = await fetch(`${backend}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) throw new Error(`guest refresh: HTTP ${response.status}`);
  return (await response.json()).backstageIdentity.token;
}
