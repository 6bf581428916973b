/*
 * The benchmark's dev stack (dev/stack.mjs, as `npm start`: fake CircleCI,
 * the real Backstage backend with the proxy, the legacy dev app) on the
 * benchmark's own ports, so it never collides with the e2e test (7099 /
 * 7007 / 3000), and production builds of a dev app served with the backend
 * on one origin. Every process runs in a process group of its own and is
 * stopped by group.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createLog,
  createStack,
  guestToken,
  stackUrls as urlsOf,
  startProcess,
  stopProcesses,
  waitForUrl,
} from '../dev/stack.mjs';

/**
 * Ports and URLs of the benchmark stack (env BENCH_FAKE_PORT,
 * BENCH_BACKEND_PORT, BENCH_APP_PORT; the production apps'
 * BENCH_PROD_APP_PORT, BENCH_NFS_APP_PORT).
 */
export function stackUrls(env = process.env) {
  return {
    ...urlsOf({
      fake: Number(env.BENCH_FAKE_PORT || 7199),
      backend: Number(env.BENCH_BACKEND_PORT || 7107),
      app: Number(env.BENCH_APP_PORT || 3100),
    }),
    prodAppPort: Number(env.BENCH_PROD_APP_PORT || 3101),
    nfsAppPort: Number(env.BENCH_NFS_APP_PORT || 3102),
    // The `modes` suite's backend with the CircleCI backend plugin, and our app in backend mode.
    modesBackendPort: Number(env.BENCH_MODES_BACKEND_PORT || 7108),
    modesAppPort: Number(env.BENCH_MODES_APP_PORT || 3104),
  };
}

/**
 * The benchmark's stack, not started yet: `{ urls, token, start(), stop(),
 * tail() }`; `start()` resolves once the dev app answers (within
 * `timeoutMs`). With BENCH_REUSE_STACK=1 (a development aid) it uses a
 * stack already running on the benchmark ports instead.
 */
export function createBenchStack({ logPath, say, timeoutMs = 600_000 }) {
  const urls = stackUrls();
  if (process.env.BENCH_REUSE_STACK === '1') {
    return {
      urls,
      token: process.env.FAKE_CIRCLECI_TOKEN || 'fake-circleci-token',
      start: async () => say?.(`reusing the stack on ${urls.fake}, ${urls.backend}, ${urls.app}`),
      stop: async () => undefined,
      tail: () => '(reused stack)',
    };
  }
  const stack = createStack({
    ports: { fake: urls.fakePort, backend: urls.backendPort, app: urls.appPort },
    token: process.env.FAKE_CIRCLECI_TOKEN || `bench-token-${randomBytes(8).toString('hex')}`,
    // The scenarios use the legacy dev app's paths (/rocket, ...).
    legacy: true,
    // Proxy-only: every suite but `modes` measures the plugin through the
    // Backstage proxy (their floors and targets are the proxy's DAG); the
    // `modes` suite starts its own backend with the plugin (startModesBackend).
    mode: 'proxy',
    logPath,
    timeoutsMs: { fake: 90_000, backend: 180_000, app: timeoutMs },
  });
  return {
    ...stack,
    urls,
    async start() {
      await stack.start();
      say?.(`stack up: fake ${urls.fake}, backend ${urls.backend}, app ${urls.app}`);
    },
  };
}

/**
 * `get(path)`: a JSON GET through the proxy (`urls.proxy`) from Node, as
 * the guest user; throws on a non-2xx answer. For the stack floors.
 */
export async function proxyGetter(urls) {
  const token = await guestToken({ backend: urls.backend });
  return async path => {
    const response = await fetch(`${urls.proxy}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`proxy ${path}: HTTP ${response.status}`);
    return response.json();
  };
}

/** Talks to the fake's control endpoints and API. */
export function fakeClient({ fake, token }) {
  const control = async (method, path, body) => {
    const response = await fetch(`${fake}/__fake/${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await response.json().catch(() => undefined);
    return { status: response.status, ok: response.ok, json };
  };
  const must = async (method, path, body) => {
    const answer = await control(method, path, body);
    if (!answer.ok) throw new Error(`fake ${method} /__fake/${path}: HTTP ${answer.status}`);
    return answer.json;
  };
  return {
    control,
    latency: ms => must('POST', 'latency', { ms }),
    reset: startTime => must('POST', 'reset', { startTime }),
    clearRequests: () => must('POST', 'clear-requests'),
    requests: async () => (await must('GET', 'requests')).requests,
    demo: () => must('GET', 'demo'),
    health: () => must('GET', 'health'),
    async raw(path) {
      const response = await fetch(`${fake}/api/${path}`, { headers: { 'Circle-Token': token } });
      if (!response.ok) throw new Error(`fake /api/${path}: HTTP ${response.status}`);
      return response.arrayBuffer();
    },
    async api(path) {
      const response = await fetch(`${fake}/api/v2/${path}`, { headers: { 'Circle-Token': token } });
      if (!response.ok) throw new Error(`fake /api/v2/${path}: HTTP ${response.status}`);
      return response.json();
    },
  };
}

/** The frontend config of a built app (index.html), `edit`ed: the app reads it at start. */
function editAppConfig(dist, edit) {
  const file = join(dist, 'index.html');
  const html = readFileSync(file, 'utf8');
  const re = /(<script type="backstage\.io\/config">)([\s\S]*?)(<\/script>)/;
  const match = re.exec(html);
  if (!match) throw new Error(`no backstage.io/config script in ${file}`);
  const contexts = JSON.parse(match[2]);
  edit(contexts);
  writeFileSync(file, html.replace(re, (_, open, _json, close) => `${open}${JSON.stringify(contexts, null, 2)}${close}`));
}

/**
 * Builds a dev app for production (bench/appbuild.cjs; `entry` dev/index,
 * the legacy app, or dev/app/index, the new-frontend-system one) and serves
 * it with the backend on one origin (bench/appserver.mjs) on `port`
 * (default BENCH_PROD_APP_PORT). The app uses the Backstage proxy
 * (`circleci.backend.enabled: false`), whatever app-config.yaml says; see
 * `cloneProdApp` for the backend mode. With `from` (a started app of the
 * same entry), its build is reused instead of built again. Returns
 * `{ url, proxy, plugin, dist, buildS, stop() }`.
 */
export async function startProdApp({
  root,
  urls,
  logPath,
  say,
  entry = 'dev/index',
  port = urls.prodAppPort,
  backendPort = urls.backendPort,
  backendMode = false,
  from,
}) {
  const origin = `http://127.0.0.1:${port}`;
  const dist = mkdtempSync(join(tmpdir(), 'circleci-bench-app-'));
  const log = createLog({ logPath });
  const children = [];
  let exited = false;
  const start = ({ name, args, env, onExit }) =>
    children.push(startProcess({ name, command: process.execPath, args, cwd: root, env, log, onExit }));
  const stop = async () => {
    await stopProcesses({ children, log });
    rmSync(dist, { recursive: true, force: true });
    await log.end();
  };
  const env = {
    app: { baseUrl: origin },
    backend: { baseUrl: origin },
    circleci: { backend: { enabled: backendMode } },
  };
  try {
    const t0 = Date.now();
    if (from) {
      // The same bundle; only index.html (which carries the frontend config) differs.
      symlinkSync(join(from.dist, 'static'), join(dist, 'static'));
      writeFileSync(join(dist, 'index.html'), readFileSync(join(from.dist, 'index.html')));
    } else {
      await new Promise((resolve, reject) => {
        start({
          name: 'build',
          args: [join(root, 'bench', 'appbuild.cjs'), dist, entry],
          env: {
            ...process.env,
            APP_CONFIG_app_baseUrl: origin,
            APP_CONFIG_backend_baseUrl: origin,
            APP_CONFIG_circleci_backend_enabled: String(backendMode),
            NO_COLOR: '1',
          },
          onExit: ({ code, error }) => (code === 0 ? resolve() : reject(error ?? new Error(`the build of ${entry} exited with ${code}`))),
        });
      });
    }
    editAppConfig(dist, contexts => {
      const others = contexts.filter(c => c.context !== 'env');
      contexts.splice(0, contexts.length, ...others, { context: 'env', data: env });
    });
    const buildS = (Date.now() - t0) / 1000;
    start({
      name: 'appserver',
      args: [join(root, 'bench', 'appserver.mjs')],
      env: {
        ...process.env,
        BENCH_APP_DIST: dist,
        BENCH_PROD_APP_PORT: String(port),
        BENCH_BACKEND_URL: `http://127.0.0.1:${backendPort}`,
      },
      onExit: () => {
        exited = true;
      },
    });
    await waitForUrl({ what: 'the app server', url: `${origin}/`, timeoutMs: 30_000, intervalMs: 200, alive: () => !exited });
    const how = backendMode ? 'backend mode' : 'proxy mode';
    say?.(`production build of ${entry} (${from ? 'reused' : `${buildS.toFixed(0)} s`}, ${how}) served on ${origin}`);
    return { url: origin, proxy: `${origin}/api/proxy/circleci/api/`, plugin: `${origin}/api/circleci/`, dist, buildS, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
