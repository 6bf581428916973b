/*
 * What every part of `npm run pack:check` shares: the repository root, the
 * clock, the list of problems, and running a command with its output kept.
 */
/* eslint-disable no-console */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the frontend plugin's package). */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** This repository's node_modules: the scratch projects link to it. */
export const rootModules = join(root, 'node_modules');

const startedAt = Date.now();
/** Seconds since `t`, one decimal. */
export const seconds = (t = startedAt) => ((Date.now() - t) / 1000).toFixed(1);
/** One progress line, stamped with the time since the start. */
export const say = msg => console.log(`[pack-check +${seconds()}s] ${msg}`);

/** The problems found so far: the check fails when there is one. */
export const problems = [];
/** Records a problem and goes on checking. */
export const fail = msg => problems.push(msg);

// Ctrl-C reaches the commands run here (same process group) while this
// process waits in execFileSync, where no signal handler can run: a command
// that ends by SIGINT/SIGTERM (or exits 130/143, as npm does) stops the check,
// after the clean-ups (package.json put back, temp dir removed). The handlers
// below cover a signal sent to this process alone.
const cleanups = [];
let stopping = false;
/** Registers a clean-up that runs when the check is interrupted. */
export const onInterrupt = fn => cleanups.push(fn);
function interrupted(why) {
  if (stopping) return;
  stopping = true;
  console.error(`[pack-check] interrupted (${why}): cleaning up`);
  for (const fn of cleanups.reverse()) {
    try {
      fn();
    } catch (error) {
      console.error(`[pack-check] clean-up failed: ${error.message}`);
    }
  }
  process.exit(130);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => interrupted(signal));

/** Runs a command without a shell; throws with its output when it fails. */
export function run(cmd, args, cwd = root) {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  } catch (error) {
    if (['SIGINT', 'SIGTERM'].includes(error.signal) || [130, 143].includes(error.status)) interrupted(`${cmd} ${args[0]} ended by ${error.signal ?? `exit ${error.status}`}`);
    throw error;
  }
}

/** A failed command's message, stdout and stderr, in one text. */
export function explain(error) {
  return [error.message, error.stdout, error.stderr].filter(Boolean).join('\n').trim();
}

/** The first lines of a long text, with how many were left off. */
export function firstLines(text, count = 15) {
  const lines = text.trim().split('\n');
  return `${lines.slice(0, count).join('\n')}${lines.length > count ? `\n… ${lines.length - count} more lines` : ''}`;
}
