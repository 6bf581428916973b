#!/usr/bin/env node
/*
 * `npm start`: the whole dev setup in one terminal.
 *
 *   1. the fake CircleCI on 127.0.0.1:$FAKE_CIRCLECI_PORT (default 7099),
 *      skipped in live mode;
 *   2. the dev backend on :$DEV_BACKEND_PORT (default 7007; proxy + guest
 *      sign-in), dev/backend/index.ts;
 *   3. the dev app on :$DEV_APP_PORT (default 3000; `backstage-cli package
 *      start`): the new-frontend-system app, dev/app/index.tsx, or with
 *      `npm start -- --legacy` (or DEV_APP=legacy) the legacy one,
 *      dev/index.tsx.
 *
 * DEV_BACKEND_PORT / DEV_APP_PORT let a second stack (e.g. the benchmark)
 * run next to the default one: when either is set, backend.baseUrl,
 * backend.listen.port, backend.cors.origin and app.baseUrl are overridden
 * for the backend and the dev app through APP_CONFIG_* variables.
 *
 * Each is started once the previous one answers, logs are prefixed, and all
 * of them (whole process groups) are stopped on Ctrl-C / SIGTERM or as soon
 * as one of them exits.
 *
 * Live mode: set CIRCLECI_PROJECT_SLUG (e.g. gh/your-org/your-repo) and
 * CIRCLECI_AUTH_TOKEN (a CircleCI personal API token); CIRCLECI_LIVE=1 also
 * forces it. The proxy then targets https://circleci.com/api and the dev app
 * opens on that project.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = name => join(root, 'node_modules', '.bin', name);

const live =
  process.env.CIRCLECI_LIVE === '1' || Boolean(process.env.CIRCLECI_PROJECT_SLUG);
const fakePort = Number(process.env.FAKE_CIRCLECI_PORT ?? 7099);
const backendPort = Number(process.env.DEV_BACKEND_PORT || 7007); // app-config.yaml: backend.listen.port
const frontendPort = Number(process.env.DEV_APP_PORT || 3000); // app-config.yaml: app.baseUrl
// Config overrides for non-default ports (both the backend and the dev app read them).
const portConfigEnv =
  process.env.DEV_BACKEND_PORT || process.env.DEV_APP_PORT
    ? {
        APP_CONFIG_backend_baseUrl: `http://localhost:${backendPort}`,
        APP_CONFIG_backend_listen_port: String(backendPort),
        APP_CONFIG_backend_cors_origin: `http://localhost:${frontendPort}`,
        APP_CONFIG_app_baseUrl: `http://localhost:${frontendPort}`,
      }
    : {};
const fakeToken = process.env.FAKE_CIRCLECI_TOKEN ?? 'fake-circleci-token';
const legacyApp = process.argv.includes('--legacy') || process.env.DEV_APP === 'legacy';
const appEntry = legacyApp ? 'dev' : join('dev', 'app');

const colors = { fake: 35, backend: 36, frontend: 33, start: 32 };
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
function log(name, line) {
  const tag = `[${name}]`.padEnd(11);
  process.stdout.write(
    `${useColor ? `\x1b[${colors[name]}m${tag}\x1b[0m` : tag}${line}\n`,
  );
}

/** @type {{name: string, child: import('node:child_process').ChildProcess}[]} */
const running = [];
let stopping = false;

function pipeLines(name, stream) {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', chunk => {
    buffered += chunk;
    const lines = buffered.split(/\r?\n/);
    buffered = lines.pop() ?? '';
    for (const line of lines) log(name, line);
  });
  stream.on('end', () => buffered && log(name, buffered));
}

function start(name, command, args, env) {
  log('start', `${name}: ${[command, ...args].join(' ')}`);
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so the whole tree can be stopped
  });
  pipeLines(name, child.stdout);
  pipeLines(name, child.stderr);
  child.on('error', error => {
    log('start', `${name} could not start: ${error.message}`);
    stop(1);
  });
  child.on('exit', (code, signal) => {
    child.exited = true;
    if (!stopping) {
      log('start', `${name} exited (${signal ?? `code ${code}`}); stopping everything`);
      stop(1);
    }
  });
  running.push({ name, child });
  return child;
}

function signalGroup(child, signal) {
  if (child.exited || child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const { child } of [...running].reverse()) signalGroup(child, 'SIGTERM');
  const deadline = Date.now() + 8000;
  while (running.some(r => !r.child.exited) && Date.now() < deadline) {
    await sleep(100);
  }
  for (const { name, child } of running) {
    if (!child.exited) {
      log('start', `${name} did not stop in time, killing it`);
    }
    // SIGKILL the group even if the leader exited: it may have left children.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // group is empty
    }
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log('start', `${signal}: stopping`);
    stop(signal === 'SIGINT' ? 0 : 143);
  });
}

function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

function portInUse(port, host) {
  return new Promise(resolve => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(name, url, { timeoutMs, headers, accept }) {
  const deadline = Date.now() + timeoutMs;
  while (!stopping) {
    try {
      const response = await fetch(url, {
        headers,
        signal: AbortSignal.timeout(5000),
      });
      if (accept ? accept(response) : response.ok) {
        log('start', `${name} is ready (${url})`);
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      log('start', `${name} was not ready after ${timeoutMs / 1000}s (${url})`);
      await stop(1);
    }
    await sleep(500);
  }
}

async function main() {
  for (const [name, port] of [
    ['fake CircleCI', live ? undefined : fakePort],
    ['backend', backendPort],
    ['frontend', frontendPort],
  ]) {
    if (port === undefined) continue;
    if ((await portInUse(port, '127.0.0.1')) || (await portInUse(port, '::1'))) {
      log('start', `port ${port} (${name}) is already in use; stop whatever runs there first`);
      process.exit(1);
    }
  }

  const backendEnv = { NODE_ENV: 'development', ...portConfigEnv };
  if (live) {
    if (!process.env.CIRCLECI_AUTH_TOKEN) {
      log('start', 'live mode needs CIRCLECI_AUTH_TOKEN (a CircleCI personal API token)');
      process.exit(2);
    }
    log('start', `live mode: proxying to https://circleci.com/api for ${process.env.CIRCLECI_PROJECT_SLUG ?? '(no slug)'}`);
  } else {
    const server = join(root, 'dev', 'fake-circleci', 'server.ts');
    if (!existsSync(server)) {
      log('start', `missing ${server}`);
      process.exit(1);
    }
    start('fake', bin('tsx'), [server], {
      FAKE_CIRCLECI_PORT: String(fakePort),
      FAKE_CIRCLECI_TOKEN: fakeToken,
    });
    await waitFor('fake CircleCI', `http://127.0.0.1:${fakePort}/__fake/health`, {
      timeoutMs: 60_000,
    });
    Object.assign(backendEnv, {
      CIRCLECI_AUTH_TOKEN: fakeToken,
      CIRCLECI_API_TARGET: `http://127.0.0.1:${fakePort}/api`,
    });
  }

  start('backend', bin('tsx'), [join('dev', 'backend', 'index.ts')], backendEnv);
  await waitFor('backend', `http://127.0.0.1:${backendPort}/.backstage/health/v1/readiness`, {
    timeoutMs: 120_000,
  });

  start('frontend', bin('backstage-cli'), ['package', 'start', '--entrypoint', appEntry], {
    ...portConfigEnv,
    BROWSER: 'none',
    // The dev app never needs the CircleCI token; keep it out of its env.
    CIRCLECI_AUTH_TOKEN: '',
    FAKE_CIRCLECI_TOKEN: '',
  });
  await waitFor('frontend', `http://localhost:${frontendPort}/`, {
    timeoutMs: 600_000,
  });
  log(
    'start',
    `${legacyApp ? 'legacy' : 'new-frontend-system'} dev app: http://localhost:${frontendPort}/ (Ctrl-C stops everything)`,
  );
}

main().catch(error => {
  log('start', `failed: ${error?.stack ?? error}`);
  stop(1);
});
