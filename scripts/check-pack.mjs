#!/usr/bin/env node
/*
 * `npm run pack:check` (run by .ci/run): builds the three packages, packs
 * each, and checks the tarballs the way a consumer meets them.
 *
 *  1. Builds, in order: the frontend (the root: `npm run build`, types then
 *     `backstage-cli package build`), common/ and backend/ (each its own
 *     `npm run build`), as from a fresh clone. `--no-build` reuses each dist/.
 *     A package that does not build is a problem, and what needs it is
 *     skipped; the rest is still checked.
 *  2. `npm pack` in each package's folder: `prepack` rewrites package.json for
 *     publishing and `postpack` puts it back; package.json is restored here as
 *     well, whatever happens (failure, Ctrl-C), byte for byte
 *     (pack-check/packages.mjs).
 *  3. Each tarball (pack-check/tarball.mjs): only dist/, package.json, README
 *     and the config schema (the frontend's carries neither src/ nor
 *     dist-types/ nor the workspaces' folders, and its package.json no
 *     `workspaces`); `main`, `module`, `types`, `exports` and `typesVersions`
 *     point into dist/ and exist; everything dist/ imports is a dependency or
 *     a peer dependency; the frontend and the backend depend on the common
 *     package at a range that accepts the packed version.
 *  4. Two scratch projects in a temp dir (pack-check/scratch.mjs), no network:
 *     a frontend one (frontend + common tarballs) type-checks a file importing
 *     both frontend entries; a backend one (backend + common tarballs)
 *     type-checks `createBackend().add(plugin)` and Node requires the package.
 * Exits 1 with the list of problems when a check fails.
 */
/* eslint-disable no-console */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGES, build, pack, pkgByKey } from './pack-check/packages.mjs';
import { backendProject, frontendProject } from './pack-check/scratch.mjs';
import { checkTarball } from './pack-check/tarball.mjs';
import { fail, onInterrupt, problems, run, say, seconds } from './pack-check/util.mjs';

const work = mkdtempSync(join(tmpdir(), 'circleci-pack-check-'));
onInterrupt(() => rmSync(work, { recursive: true, force: true }));
const packed = {};
try {
  const built = new Set();
  for (const p of PACKAGES) {
    if (process.argv.includes('--no-build')) {
      built.add(p.key);
      continue;
    }
    const t = Date.now();
    try {
      build(p);
      built.add(p.key);
      say(`${p.key}: built in ${seconds(t)} s`);
    } catch (error) {
      fail(error.message);
      say(`${p.key}: build FAILED in ${seconds(t)} s; not packed`);
    }
  }

  const common = JSON.parse(readFileSync(join(pkgByKey('common').dir, 'package.json'), 'utf8'));
  for (const p of PACKAGES.filter(q => built.has(q.key))) {
    const t = Date.now();
    const source = JSON.parse(readFileSync(join(p.dir, 'package.json'), 'utf8'));
    let info;
    try {
      info = pack(p, work);
    } catch (error) {
      fail(error.message);
      continue;
    }
    if (!info.restored) fail(`${p.key}: package.json differs after postpack`);
    say(`${p.key}: packed ${info.filename} (${(info.size / 1024).toFixed(0)} KB, ${info.entryCount} files) in ${seconds(t)} s; package.json restored`);
    const dir = join(work, 'unpacked', p.key);
    mkdirSync(dir, { recursive: true });
    run('tar', ['-xzf', info.path, '-C', dir, '--strip-components=1']);
    const files = new Set(info.files.map(f => f.path));
    const { pkg, imported } = checkTarball({ p, dir, files, source, common: { name: common.name, version: common.version } });
    const exportsList = Object.keys(pkg.exports ?? {}).join(' ');
    say(`${p.key}: main ${pkg.main}, types ${pkg.types}${exportsList ? `, exports ${exportsList}` : ''}; ${imported.length} imported packages checked`);
    packed[p.key] = { name: p.name, path: info.path, dir, pkg };
  }

  const needs = (label, keys) => {
    const missing = keys.filter(k => !packed[k]);
    if (missing.length) fail(`${label} scratch project skipped: ${missing.join(', ')} not packed`);
    return !missing.length;
  };
  if (needs('frontend', ['frontend', 'common'])) {
    const t = Date.now();
    const { dir, pkg } = packed.frontend;
    const exported = readFileSync(join(dir, pkg.types), 'utf8');
    const { cards } = frontendProject({ dir: join(work, 'scratch-frontend'), frontend: packed.frontend, common: packed.common, exported });
    say(`frontend scratch project (both entries${cards.length ? `, ${cards.join(', ')}` : ''}): ${seconds(t)} s`);
  }
  if (needs('backend', ['backend', 'common'])) {
    const t = Date.now();
    backendProject({ dir: join(work, 'scratch-backend'), backend: packed.backend, common: packed.common });
    say(`backend scratch project: ${seconds(t)} s`);
  }
} catch (error) {
  fail(error.stack ?? error.message);
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (problems.length) {
  console.error(`\n[pack-check] FAILED (${seconds()} s):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
say(`all checks passed in ${seconds()} s`);
