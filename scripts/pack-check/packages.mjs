/*
 * The three packages, their builds, and `npm pack` with package.json put
 * back byte for byte whatever happens.
 *
 * `prepack` (`backstage-cli package prepack`) rewrites package.json for
 * publishing, after saving it as package.json-prepack; `postpack` moves that
 * back. When npm stops in between (a failed build of the schema, Ctrl-C),
 * `restore` does postpack's work itself: it compares the file with the bytes
 * read just before packing, writes those back if they differ, and removes
 * the backup and what prepack generated. Each file is read right before its
 * own pack, not at the start, so an edit made to it meanwhile (by someone
 * working in the tree) is not undone.
 */
/* eslint-disable no-console */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { explain, onInterrupt, root, run } from './util.mjs';

/** The packages, in build order: the root's `build:types` empties dist-types/, which common's build reads. */
export const PACKAGES = [
  { key: 'frontend', dir: root, role: 'frontend-plugin', entries: ['.', './alpha'] },
  { key: 'common', dir: join(root, 'common'), role: 'common-library', entries: [] },
  { key: 'backend', dir: join(root, 'backend'), role: 'backend-plugin', entries: [] },
].map(p => ({ ...p, name: JSON.parse(readFileSync(join(p.dir, 'package.json'), 'utf8')).name }));

/** Finds a package by key. */
export const pkgByKey = key => PACKAGES.find(p => p.key === key);

/** `npm run build` in the package's folder (each package's own build script). */
export function build(p) {
  try {
    run('npm', ['run', 'build'], p.dir);
  } catch (error) {
    throw new Error(`${p.key}: npm run build failed:\n${explain(error)}`);
  }
}

const packing = new Map();

function restore(p) {
  const state = packing.get(p.key);
  if (!state) return;
  const pkgPath = join(p.dir, 'package.json');
  // What postpack does (put the saved file back, remove what prepack made),
  // without starting backstage-cli again, from the bytes read before packing.
  if (!readFileSync(pkgPath).equals(state.original)) {
    writeFileSync(pkgPath, state.original);
    console.error(`[pack-check] ${p.key}: package.json was left rewritten by prepack: restored it`);
  }
  rmSync(join(p.dir, 'package.json-prepack'), { force: true });
  for (const f of state.leftovers) rmSync(join(p.dir, f), { recursive: true, force: true });
  packing.delete(p.key);
}

onInterrupt(() => PACKAGES.forEach(restore));

/**
 * `npm pack --pack-destination <into>` in the package's folder. Returns npm's
 * description of the tarball (files, size) with its path, and whether
 * package.json came back identical.
 */
export function pack(p, into) {
  const pkgPath = join(p.dir, 'package.json');
  if (existsSync(join(p.dir, 'package.json-prepack'))) {
    throw new Error(`${p.key}: ${join(p.dir, 'package.json-prepack')} exists: a previous pack did not finish; run \`npx backstage-cli package postpack\` there first`);
  }
  const original = readFileSync(pkgPath);
  const pkg = JSON.parse(original.toString('utf8'));
  // What prepack may generate next to package.json: the config schema, and
  // one folder per extra entry point in older Backstage CLIs.
  const generated = ['config.schema.json', ...Object.keys(pkg.exports ?? {}).filter(k => k !== '.' && !k.endsWith('.json')).map(k => k.replace(/^\.\//, ''))];
  packing.set(p.key, { original, leftovers: generated.filter(f => !existsSync(join(p.dir, f))) });
  try {
    const out = run('npm', ['pack', '--json', '--pack-destination', into], p.dir);
    // The JSON array starts on a line of its own; a script's output may come first.
    const [info] = JSON.parse(out.slice(Math.max(0, out.search(/^\[$/m))));
    return { ...info, path: join(into, info.filename), restored: readFileSync(pkgPath).equals(original) };
  } catch (error) {
    throw new Error(`${p.key}: npm pack failed:\n${explain(error)}`);
  } finally {
    restore(p);
  }
}
