/*
 * Prepares the peer (the classic CircleCI plugin) for its production build:
 * copies the pristine source in bench/peer/circleci-classic/src to
 * bench/peer/.build/src and applies PATCHES, each an exact replacement
 * that must match exactly once (so a changed source fails loudly instead of
 * building something else). docs/performance.md lists every patch and why.
 * The app entry is bench/peer/app/index.tsx; bench/peer.mjs builds and serves it.
 *
 * `node bench/peer/build.mjs` just prepares the copy (for a look at the diff).
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The source changes the peer needs to build and run here. Each:
 * `{ file, from, to, why }`, `file` relative to src/.
 */
export const PATCHES = [];

/** Copies the pristine source and applies the patches; returns the copy's directory. */
export function preparePeerSource({ patches = PATCHES } = {}) {
  const from = join(here, 'circleci-classic', 'src');
  const to = join(here, '.build', 'src');
  rmSync(join(here, '.build'), { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  for (const patch of patches) {
    const path = join(to, patch.file);
    const text = readFileSync(path, 'utf8');
    const count = text.split(patch.from).length - 1;
    if (count !== 1) throw new Error(`peer patch for ${patch.file} matches ${count} times (want 1): ${patch.why}`);
    writeFileSync(path, text.replace(patch.from, patch.to));
  }
  return to;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // eslint-disable-next-line no-console
  console.log(`prepared ${preparePeerSource()} (${PATCHES.length} patches)`);
}
