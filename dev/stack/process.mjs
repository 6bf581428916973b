/*
 * Process plumbing of the dev stack (dev/stack.mjs): prefixed log lines
 * with a tail, processes started in process groups of their own and stopped
 * by PID (the whole group), and polling until something answers.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import net from 'node:net';

/** Resolves after `ms` milliseconds. */
export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

const COLORS = { fake: 35, backend: 36, frontend: 33, start: 32 };

/**
 * A log of prefixed lines (`[name]     text`): into the file `logPath`, or
 * onto stdout (coloured on a terminal unless NO_COLOR). `line(name, text)`
 * writes one, `pipe(name, stream)` writes a stream's lines, `tail(lines)`
 * returns the last ones, `end()` closes the file (later lines are only
 * kept for `tail`).
 */
export function createLog({ logPath } = {}) {
  const out = logPath ? createWriteStream(logPath) : process.stdout;
  const color = !logPath && process.stdout.isTTY && !process.env.NO_COLOR;
  const recent = [];
  let ended = false;
  const line = (name, text) => {
    const tag = `${`[${name}]`.padEnd(10)} `;
    recent.push(`${tag}${text}`);
    if (recent.length > 500) recent.splice(0, recent.length - 500);
    if (!ended) out.write(`${color ? `\x1b[${COLORS[name] ?? 0}m${tag}\x1b[0m` : tag}${text}\n`);
  };
  const pipe = (name, stream) => {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', chunk => {
      buffered += chunk;
      const lines = buffered.split(/\r?\n/);
      buffered = lines.pop() ?? '';
      for (const text of lines) line(name, text);
    });
    stream.on('end', () => buffered && line(name, buffered));
  };
  const tail = (lines = 60) => recent.slice(-lines).join('\n') || '(nothing logged)';
  const end = () => {
    if (!logPath || ended) return Promise.resolve();
    ended = true;
    return new Promise(resolve => out.end(resolve));
  };
  return { line, pipe, tail, end, toFile: Boolean(logPath) };
}

/**
 * Starts `command args` in a process group of its own (so the whole tree
 * can be stopped by PID), its output into `log` under `name`. `onExit`
 * gets `{ code, signal, error }` once it has exited or could not start.
 */
export function startProcess({ name, command, args, cwd, env, log, onExit }) {
  log.line('start', `${name}: ${[command, ...args].join(' ')}`);
  const child = spawn(command, args, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.label = name;
  log.pipe(name, child.stdout);
  log.pipe(name, child.stderr);
  child.on('error', error => {
    child.exited = true;
    onExit?.({ error });
  });
  child.on('exit', (code, signal) => {
    child.exited = true;
    onExit?.({ code, signal });
  });
  return child;
}

function signalGroup(child, signal) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is empty
  }
}

/**
 * Stops processes started by `startProcess`: SIGTERM to each group (the
 * last started first), up to `graceMs` for them to exit, then SIGKILL to
 * every group, also those whose leader exited (it may have left children).
 */
export async function stopProcesses({ children, log, graceMs = 8000 }) {
  for (const child of [...children].reverse()) {
    if (!child.exited) signalGroup(child, 'SIGTERM');
  }
  const deadline = Date.now() + graceMs;
  while (children.some(c => !c.exited) && Date.now() < deadline) await sleep(100);
  for (const child of children) {
    if (!child.exited) log?.line('start', `${child.label} did not stop in time, killing it`);
    signalGroup(child, 'SIGKILL');
  }
}

/**
 * Polls `check` every `intervalMs` until it returns something truthy, and
 * returns that. Throws when `timeoutMs` has passed, or as soon as
 * `alive()` says the processes it waits for are gone.
 */
export async function waitUntil({ what, check, timeoutMs, intervalMs = 1000, alive = () => true }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    if (!alive()) throw new Error(`the stack exited while waiting for ${what}`);
    try {
      const result = await check();
      if (result) return result;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} was not ready after ${timeoutMs / 1000}s${lastError ? ` (${lastError.message})` : ''}`);
    }
    await sleep(intervalMs);
  }
}

/** Waits until a GET of `url` answers 2xx (see `waitUntil`). */
export function waitForUrl({ what, url, timeoutMs, intervalMs = 500, alive }) {
  const check = async () => {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return true;
  };
  return waitUntil({ what: `${what} (${url})`, check, timeoutMs, intervalMs, alive });
}

/** Whether something accepts connections on `host:port`. */
export function portInUse({ port, host }) {
  return new Promise(resolve => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
