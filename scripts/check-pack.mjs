#!/usr/bin/env node
/*
 * `npm run pack:check` (run by .ci/run): builds the package, packs it and
 * checks the tarball the way a consumer meets it.
 *
 *  1. `npm run build` (types, then `backstage-cli package build`), as from a
 *     fresh clone. `--no-build` reuses dist/.
 *  2. `npm pack --pack-destination <tmp>`: `prepack` rewrites package.json
 *     for publishing and `postpack` puts it back. package.json is restored
 *     here as well, whatever happens (failure, Ctrl-C), byte for byte.
 *  3. The tarball: dist/ is there, src/ and dist-types/ are not; `main`,
 *     `module`, `types`, every target of `exports` (`.` and `./alpha`) and of
 *     `typesVersions` point into dist/ and exist; the config schema is there;
 *     every package that dist/ imports (JS and .d.ts) is a dependency or a
 *     peer dependency.
 *  4. A scratch TypeScript project in a temp dir: the tarball is unpacked
 *     into its node_modules (what `npm install <tgz>` puts there), the other
 *     packages are symlinks to this repo's node_modules (no network), and a
 *     file importing both entries is type-checked twice: with
 *     `moduleResolution: bundler` (exports, as a Backstage app) and `node10`
 *     (typesVersions, as older TypeScript setups).
 * Exits 1 with the list of problems when a check fails.
 */
/* eslint-disable no-console */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NAME = '@circleci-backstage/plugin-circleci';
const startedAt = Date.now();
const seconds = t => ((Date.now() - t) / 1000).toFixed(1);
const say = msg => console.log(`[pack-check +${seconds(startedAt)}s] ${msg}`);
const problems = [];
const fail = msg => problems.push(msg);

function run(cmd, args, cwd = root) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
}

function explain(error) {
  return [error.message, error.stdout, error.stderr].filter(Boolean).join('\n').trim();
}

// --- 2. pack, with package.json restored whatever happens -------------------

const pkgPath = join(root, 'package.json');
const backupPath = join(root, 'package.json-prepack');
const originalPkg = readFileSync(pkgPath);
const leftovers = ['alpha', 'config.schema.json'].filter(f => !existsSync(join(root, f)));

function restore() {
  if (existsSync(backupPath)) {
    try {
      run(join(root, 'node_modules', '.bin', 'backstage-cli'), ['package', 'postpack']);
    } catch (error) {
      console.error(`[pack-check] postpack failed: ${explain(error)}`);
    }
  }
  if (!readFileSync(pkgPath).equals(originalPkg)) {
    writeFileSync(pkgPath, originalPkg);
    console.error('[pack-check] package.json was left rewritten by prepack: restored it');
  }
  rmSync(backupPath, { force: true });
  for (const f of leftovers) rmSync(join(root, f), { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    restore();
    process.exit(1);
  });
}

function pack(into) {
  if (existsSync(backupPath)) throw new Error(`${backupPath} exists: a previous pack did not finish; run \`npx backstage-cli package postpack\` first`);
  try {
    const out = run('npm', ['pack', '--json', '--pack-destination', into]);
    const [info] = JSON.parse(out.slice(out.indexOf('[')));
    return { ...info, path: join(into, info.filename) };
  } finally {
    restore();
  }
}

// --- 3. the tarball ---------------------------------------------------------

const leaves = value =>
  typeof value === 'string' ? [value] : Object.values(value ?? {}).flatMap(leaves);
const packageOf = spec => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
const IMPORTS = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)["']([^"'./][^"']*)["']/g;

function checkTarball({ dir, files }) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const has = p => files.has(p.replace(/^\.\//, ''));
  const inDist = (what, target) => {
    if (!/^(\.\/)?dist\//.test(target)) fail(`${what} = ${target}: not in dist/`);
    else if (!has(target)) fail(`${what} = ${target}: not in the tarball`);
  };
  if (![...files].some(f => f.startsWith('dist/'))) fail('no dist/ in the tarball');
  for (const f of files) if (/^(src|dist-types)\//.test(f)) fail(`${f} is in the tarball`);
  for (const key of ['main', 'module', 'types']) {
    if (pkg[key] === undefined && key !== 'module') fail(`package.json has no ${key}`);
    else if (pkg[key] !== undefined) inDist(key, pkg[key]);
  }
  for (const entry of ['.', './alpha']) {
    const targets = leaves(pkg.exports?.[entry]).filter(t => t.startsWith('.'));
    if (!targets.length) fail(`exports["${entry}"] is missing`);
    targets.forEach(t => inDist(`exports["${entry}"]`, t));
    if (!targets.some(t => t.endsWith('.d.ts'))) fail(`exports["${entry}"] has no types`);
  }
  for (const [key, targets] of Object.entries(pkg.typesVersions?.['*'] ?? {})) {
    if (key !== 'package.json') targets.forEach(t => inDist(`typesVersions["${key}"]`, t));
  }
  if (!pkg.typesVersions?.['*']?.alpha) fail('typesVersions has no "alpha"');
  if (pkg.configSchema && !has(pkg.configSchema)) fail(`configSchema ${pkg.configSchema} is not in the tarball`);
  // What dist/ imports must be installed with it.
  const declared = new Set(Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }));
  const imported = new Map();
  for (const f of files) {
    if (!/^dist\/.*\.(js|d\.ts)$/.test(f)) continue;
    for (const [, spec] of readFileSync(join(dir, f), 'utf8').matchAll(IMPORTS)) {
      const name = packageOf(spec);
      if (name.startsWith('node:') || name === NAME) continue;
      if (!imported.has(name)) imported.set(name, f);
    }
  }
  for (const [name, file] of imported) {
    if (!declared.has(name)) fail(`${file} imports ${name}, which is not a dependency or peer dependency`);
  }
  return { pkg, imported: imported.size };
}

// --- 4. the scratch project -------------------------------------------------

function scratchProject({ dir, tarball, exported }) {
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '@circleci-backstage'), { recursive: true });
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry.startsWith('.') || entry === '@circleci-backstage') continue;
    symlinkSync(join(root, 'node_modules', entry), join(modules, entry));
  }
  // What `npm install <tgz>` puts in node_modules: the tarball's package/ dir.
  const target = join(modules, '@circleci-backstage', 'plugin-circleci');
  mkdirSync(target);
  run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'scratch-app', private: true, dependencies: { [NAME]: `file:${tarball}` } }, null, 2)}\n`);
  // The legacy cards are checked once the entry exports them.
  const cards = ['EntityLatestCircleCIPipelineCard', 'EntityRecentCircleCIPipelinesCard'].filter(c => exported.includes(c));
  writeFileSync(
    join(dir, 'index.tsx'),
    [
      `import { EntityCircleCIContent, circleCIPlugin, isCircleCIAvailable${cards.map(c => `, ${c}`).join('')} } from '${NAME}';`,
      `import plugin from '${NAME}/alpha';`,
      "import type { FrontendPlugin } from '@backstage/frontend-plugin-api';",
      "import type { Entity } from '@backstage/catalog-model';",
      '',
      'export const tab: JSX.Element = <EntityCircleCIContent />;',
      ...cards.map(c => `export const ${c.replace(/^Entity/, 'card')}: JSX.Element = <${c} />;`),
      'export const features: FrontendPlugin[] = [plugin];',
      'export const legacyId: string = circleCIPlugin.getId();',
      'export const shown = (entity: Entity): boolean => isCircleCIAvailable(entity);',
      '',
    ].join('\n'),
  );
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const results = {};
  for (const [name, options] of Object.entries({
    bundler: { module: 'ES2020', moduleResolution: 'bundler' },
    node10: { module: 'CommonJS', moduleResolution: 'node10' },
  })) {
    const config = join(dir, `tsconfig.${name}.json`);
    writeFileSync(
      config,
      JSON.stringify({
        compilerOptions: {
          ...options,
          target: 'ES2022',
          lib: ['DOM', 'DOM.Iterable', 'ES2022'],
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          esModuleInterop: true,
          skipLibCheck: true,
          types: [],
          ...(name === 'node10' ? { ignoreDeprecations: '5.0' } : {}),
        },
        files: ['index.tsx'],
      }),
    );
    const t = Date.now();
    try {
      run('node', [tsc, '-p', config], dir);
      results[name] = 'ok';
    } catch (error) {
      results[name] = 'failed';
      const lines = (error.stdout || explain(error)).trim().split('\n');
      fail(`scratch project, moduleResolution ${name}: tsc failed\n${lines.slice(0, 15).join('\n')}${lines.length > 15 ? `\n… ${lines.length - 15} more lines` : ''}`);
    }
    say(`scratch project: tsc (moduleResolution ${name}) ${results[name]} in ${seconds(t)} s`);
  }
  // Node's own resolution (the "default" condition) lands in dist/ too.
  const req = createRequire(join(dir, 'package.json'));
  for (const entry of [NAME, `${NAME}/alpha`]) {
    const resolved = req.resolve(entry);
    if (!resolved.startsWith(join(target, 'dist'))) fail(`${entry} resolves to ${resolved}, not into dist/`);
  }
  return { cards, results };
}

// --- main -------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'circleci-pack-check-'));
try {
  if (!process.argv.includes('--no-build')) {
    const t = Date.now();
    say('npm run build');
    try {
      run('npm', ['run', 'build']);
    } catch (error) {
      throw new Error(`npm run build failed:\n${explain(error)}`);
    }
    say(`built in ${seconds(t)} s`);
  }
  let t = Date.now();
  const info = pack(join(work));
  if (!readFileSync(pkgPath).equals(originalPkg)) fail('package.json differs after postpack');
  say(`packed ${info.filename} (${(info.size / 1024).toFixed(0)} KB, ${info.entryCount} files) in ${seconds(t)} s; package.json restored`);

  const unpacked = join(work, 'unpacked');
  mkdirSync(unpacked);
  run('tar', ['-xzf', info.path, '-C', unpacked, '--strip-components=1']);
  const files = new Set(info.files.map(f => f.path));
  const { pkg, imported } = checkTarball({ dir: unpacked, files });
  say(`tarball: main ${pkg.main}, types ${pkg.types}, exports ${Object.keys(pkg.exports ?? {}).join(' ')}; ${imported} imported packages all declared`);

  t = Date.now();
  const exported = readFileSync(join(unpacked, pkg.types), 'utf8');
  const { cards } = scratchProject({ dir: join(work, 'scratch'), tarball: info.path, exported });
  say(`scratch project imports both entries${cards.length ? ` and ${cards.join(', ')}` : ''}: ${seconds(t)} s`);
} catch (error) {
  fail(error.message);
} finally {
  restore();
  rmSync(work, { recursive: true, force: true });
}
if (problems.length) {
  console.error(`\n[pack-check] FAILED (${seconds(startedAt)} s):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
say(`all checks passed in ${seconds(startedAt)} s`);
