/*
 * The dev stack for the benchmark: `node dev/start.mjs` (fake CircleCI, the
 * real Backstage backend with the proxy, the dev app) on the benchmark's own
 * ports, so it never collides with the e2e test (7099 / 7007 / 3000).
 * Everything is started in one new process group and stopped by group.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Ports and URLs of the benchmark stack (env BENCH_FAKE_PORT, BENCH_BACKEND_PORT, BENCH_APP_PORT). */
export function stackUrls(env = process.env) {
  const fakePort = Number(env.BENCH_FAKE_PORT || 7199);
  const backendPort = Number(env.BENCH_BACKEND_PORT || 7107);
  const appPort = Number(env.BENCH_APP_PORT || 3100);
  const prodAppPort = Number(env.BENCH_PROD_APP_PORT || 3101);
  const nfsAppPort = Number(env.BENCH_NFS_APP_PORT || 3102);
  const backend = `http://localhost:${backendPort}`;
  return {
    fakePort,
    backendPort,
    appPort,
    prodAppPort,
    nfsAppPort,
    fake: `http://127.0.0.1:${fakePort}`,
    backend,
    app: `http://localhost:${appPort}`,
    proxy: `${backend}/api/proxy/circleci/api/`,
  };
}

/**
 * Starts `dev/start.mjs` on the benchmark ports and waits until the dev app
 * answers. Returns `{ urls, token, stop(), tail() }`.
 */
export async function startStack({ root, logPath, say, timeoutMs = 600_000 }) {
  const urls = stackUrls();
  if (process.env.BENCH_REUSE_STACK === '1') {
    // Development aid: use a stack already running on the benchmark ports.
    say?.(`reusing the stack on ${urls.fake}, ${urls.backend}, ${urls.app}`);
    const token = process.env.FAKE_CIRCLECI_TOKEN || 'fake-circleci-token';
    return { urls, token, stop: async () => undefined, tail: () => '(reused stack)' };
  }
  const token = process.env.FAKE_CIRCLECI_TOKEN || `bench-token-${randomBytes(8).toString('hex')}`;
  const env = {
    ...process.env,
    FAKE_CIRCLECI_PORT: String(urls.fakePort),
    DEV_BACKEND_PORT: String(urls.backendPort),
    DEV_APP_PORT: String(urls.appPort),
    FAKE_CIRCLECI_TOKEN: token,
    CIRCLECI_AUTH_TOKEN: token,
    BROWSER: 'none',
    NO_COLOR: '1',
    // The scenarios use the legacy dev app's paths (/rocket, ...).
    DEV_APP: 'legacy',
  };
  delete env.CIRCLECI_PROJECT_SLUG; // always the fake
  delete env.CIRCLECI_LIVE;
  const log = createWriteStream(logPath);
  const child = spawn(process.execPath, [join(root, 'dev', 'start.mjs')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: stopped as a whole
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });

  const stop = async () => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM'); // start.mjs stops its children's groups
    } catch {
      // already gone
    }
    const deadline = Date.now() + 15_000;
    while (!exited && Date.now() < deadline) await sleep(100);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // group empty
    }
    log.end();
  };
  const tail = (lines = 40) => {
    try {
      return readFileSync(logPath, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no stack log)';
    }
  };

  const waitFor = async (what, url, ms) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`the stack exited while waiting for ${what}:\n${tail()}`);
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
        if (response.ok) return;
      } catch {
        // not up yet
      }
      await sleep(500);
    }
    throw new Error(`timed out waiting for ${what} (${url})`);
  };
  try {
    await waitFor('the fake CircleCI', `${urls.fake}/__fake/health`, 90_000);
    await waitFor('the backend', `${urls.backend}/.backstage/health/v1/readiness`, 180_000);
    await waitFor('the dev app', `${urls.app}/`, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  say?.(`stack up: fake ${urls.fake}, backend ${urls.backend}, app ${urls.app}`);
  return { urls, token, stop, tail };
}

/** A Backstage token of the guest user, for calling the proxy from Node. */
export async function guestToken(urls) {
  const refresh = await fetch(`${urls.backend}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  return (await refresh.json()).backstageIdentity.token;
}

/**
 * `get(path)`: a JSON GET through the proxy (`urls.proxy`) from Node, as
 * the guest user; throws on a non-2xx answer. For the stack floors.
 */
export async function proxyGetter(urls) {
  const token = await guestToken(urls);
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

/** Runs a command to completion, its output appended to `log`; rejects on a non-zero exit. */
function run(command, args, { cwd, env, log }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', reject);
    child.on('exit', code => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/**
 * Builds a dev app for production (bench/appbuild.cjs; `entry` dev/index,
 * the legacy app, or dev/app/index, the new-frontend-system one) and serves
 * it with the backend on one origin (bench/appserver.mjs) on `port`
 * (default BENCH_PROD_APP_PORT). Returns `{ url, proxy, buildS, stop() }`.
 */
export async function startProdApp({ root, urls, logPath, say, entry = 'dev/index', port = urls.prodAppPort }) {
  const origin = `http://127.0.0.1:${port}`;
  const dist = mkdtempSync(join(tmpdir(), 'circleci-bench-app-'));
  const log = createWriteStream(logPath);
  const env = {
    ...process.env,
    APP_CONFIG_app_baseUrl: origin,
    APP_CONFIG_backend_baseUrl: origin,
    NO_COLOR: '1',
  };
  const t0 = Date.now();
  let server;
  let exited = false;
  const stop = async () => {
    if (server?.pid !== undefined && !exited) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    rmSync(dist, { recursive: true, force: true });
    log.end();
  };
  try {
    await run(process.execPath, [join(root, 'bench', 'appbuild.cjs'), dist, entry], { cwd: root, env, log });
    const buildS = (Date.now() - t0) / 1000;
    server = spawn(process.execPath, [join(root, 'bench', 'appserver.mjs')], {
      cwd: root,
      env: {
        ...process.env,
        BENCH_APP_DIST: dist,
        BENCH_PROD_APP_PORT: String(port),
        BENCH_BACKEND_URL: `http://127.0.0.1:${urls.backendPort}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    server.stdout.pipe(log, { end: false });
    server.stderr.pipe(log, { end: false });
    server.on('exit', () => {
      exited = true;
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (exited) throw new Error(`the app server exited (log: ${logPath})`);
      const ok = await fetch(`${origin}/`).then(r => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`the app server did not answer on ${origin}`);
      await sleep(200);
    }
    say?.(`production build of ${entry} (${buildS.toFixed(0)} s) served on ${origin}`);
    return { url: origin, proxy: `${origin}/api/proxy/circleci/api/`, buildS, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
