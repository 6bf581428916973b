/*
 * The `modes` suite's second dev backend: the one with the CircleCI backend
 * plugin (the stack's own backend is proxy-only, see bench/stack.mjs).
 */
import { join } from 'node:path';
import { createLog, startProcess, stopProcesses, waitForUrl } from '../dev/stack.mjs';

/**
 * The `modes` suite's backend: the dev backend (dev/backend/index.ts) in
 * backend mode, i.e. with the CircleCI backend plugin (its memory cache)
 * below /api/circleci, on `port` (BENCH_MODES_BACKEND_PORT), against the
 * stack's fake with the stack's token. The stack's own backend stays
 * proxy-only. Returns `{ url, plugin, startS, stop() }`.
 */
export async function startModesBackend({ root, urls, token, logPath, say, port = urls.modesBackendPort }) {
  const url = `http://localhost:${port}`;
  const log = createLog({ logPath });
  const children = [];
  let exited = false;
  let stopping;
  // Idempotent: the suite stops it, and so does the bench's cleanup.
  const stop = () =>
    (stopping ??= (async () => {
      await stopProcesses({ children, log });
      await log.end();
    })());
  const env = {
    ...process.env,
    NO_COLOR: '1',
    NODE_ENV: 'development',
    CIRCLECI_MODE: 'backend',
    CIRCLECI_AUTH_TOKEN: token,
    CIRCLECI_API_TARGET: `${urls.fake}/api`,
    APP_CONFIG_backend_baseUrl: url,
    APP_CONFIG_backend_listen_port: String(port),
    APP_CONFIG_backend_cors_origin: `http://127.0.0.1:${urls.modesAppPort}`,
  };
  delete env.CIRCLECI_PROJECT_SLUG;
  delete env.CIRCLECI_LIVE;
  const t0 = Date.now();
  children.push(
    startProcess({
      name: 'backend',
      command: join(root, 'node_modules', '.bin', 'tsx'),
      args: [join('dev', 'backend', 'index.ts')],
      cwd: root,
      env,
      log,
      onExit: () => {
        exited = true;
      },
    }),
  );
  try {
    await waitForUrl({
      what: 'the backend-mode backend',
      url: `http://127.0.0.1:${port}/.backstage/health/v1/readiness`,
      timeoutMs: 180_000,
      intervalMs: 200,
      alive: () => !exited,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const startS = (Date.now() - t0) / 1000;
  say?.(`backend with the CircleCI backend plugin on ${url} (${startS.toFixed(0)} s)`);
  return { url, plugin: `${url}/api/circleci/`, startS, stop };
}
