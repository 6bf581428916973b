/*
 * The dev stack of an e2e run (`dev/start.mjs`: the fake CircleCI, the
 * real Backstage backend with its proxy, and the dev app), started in a
 * process group of its own and always stopped as a whole.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Starts `dev/start.mjs` from `root` with `env` on top of this process's
 * environment (never a real CircleCI project: the live-mode variables are
 * removed), its output in `logPath`. Returns the handle:
 * `waitUntil(what, check, timeoutMs)` polls `check` once a second until it
 * returns something truthy (and fails as soon as the stack exits),
 * `stop()` ends the whole group, `tail(lines)` reads the log's end.
 */
export function startDevStack({ root, env, logPath, say }) {
  const log = createWriteStream(logPath);
  const fullEnv = { ...process.env, BROWSER: 'none', NO_COLOR: '1', ...env };
  delete fullEnv.CIRCLECI_PROJECT_SLUG;
  delete fullEnv.CIRCLECI_LIVE;
  const child = spawn(process.execPath, [join(root, 'dev', 'start.mjs')], {
    cwd: root,
    env: fullEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let exited = false;
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.on('exit', (code, signal) => {
    exited = true;
    say?.(`stack exited (${signal ?? `code ${code}`})`);
  });

  async function waitUntil(what, check, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let lastError;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`stack exited while waiting for ${what}`);
      try {
        const result = await check();
        if (result) return result;
      } catch (error) {
        lastError = error;
      }
      await sleep(1000);
    }
    throw new Error(`timed out waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
  }

  async function stop() {
    if (child.pid !== undefined) {
      const group = -child.pid;
      // start.mjs stops its children's groups itself on SIGTERM...
      try {
        process.kill(group, 'SIGTERM');
      } catch {
        // already gone
      }
      const deadline = Date.now() + 15_000;
      while (!exited && Date.now() < deadline) await sleep(100);
      // ...and anything left in the group is killed outright.
      try {
        process.kill(group, 'SIGKILL');
      } catch {
        // group empty
      }
    }
    log.end();
  }

  function tail(lines = 60) {
    try {
      return readFileSync(logPath, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no stack log)';
    }
  }

  return { waitUntil, stop, tail, exited: () => exited };
}
