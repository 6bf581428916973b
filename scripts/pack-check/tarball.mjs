/*
 * The checks on one packed tarball, unpacked in `dir`:
 *  - only what a consumer needs: dist/, package.json, README, the generated
 *    config schema (so no src/, dist-types/, node_modules/, and for the root
 *    none of the workspaces' folders);
 *  - package.json as published: no `workspaces` (it means something only at
 *    this repository's root), the Backstage role, no file:/link:/workspace:
 *    dependency;
 *  - `main`, `module`, `types`, every target of `exports` and of
 *    `typesVersions` points into dist/ and is in the tarball; the entries a
 *    package must have (the frontend's `.` and `./alpha`) are there with
 *    types; the config schema is there when the source declares one;
 *  - every package that dist/ imports (JS and .d.ts) is a dependency or a
 *    peer dependency; the common package, when imported, is a dependency
 *    whose range accepts the version packed alongside.
 */
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join } from 'node:path';
import { fail, rootModules } from './util.mjs';

const requireHere = createRequire(join(rootModules, 'package.json'));
const semver = requireHere('semver');
const ts = requireHere('typescript');
const BUILTIN = new Set(builtinModules);
const ALLOWED = /^(dist\/|package\.json$|README\.md$|CHANGELOG\.md$|LICENSE|config\.schema\.json$)/;

/**
 * The module specifiers a JS or .d.ts file imports, exports from, import()s
 * or require()s, read by TypeScript's scanner (so text in strings and
 * comments, such as a message naming a package, is not taken for an import).
 */
const importsOf = text => ts.preProcessFile(text, true, true).importedFiles.map(i => i.fileName);

const leaves = value => (typeof value === 'string' ? [value] : Object.values(value ?? {}).flatMap(leaves));
const packageOf = spec => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

/**
 * Checks the unpacked tarball of package `p` (from PACKAGES); `source` is its
 * package.json in the repository, `common` the common package's name and
 * version. Problems go to `fail`, prefixed with the package's key.
 */
export function checkTarball({ p, dir, files, source, common }) {
  const problem = msg => fail(`${p.key}: ${msg}`);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const has = f => files.has(f.replace(/^\.\//, ''));
  const inDist = (what, target) => {
    if (!/^(\.\/)?dist\//.test(target)) problem(`${what} = ${target}: not in dist/`);
    else if (!has(target)) problem(`${what} = ${target}: not in the tarball`);
  };

  if (![...files].some(f => f.startsWith('dist/'))) problem('no dist/ in the tarball');
  const extra = [...files].filter(f => !ALLOWED.test(f));
  const folders = [...new Set(extra.map(f => f.split('/')[0]))];
  if (extra.length) problem(`the tarball carries ${extra.length} files it should not: ${folders.map(f => (extra.some(e => e.startsWith(`${f}/`)) ? `${f}/` : f)).join(', ')}`);

  if (pkg.name !== p.name) problem(`published name ${pkg.name}, expected ${p.name}`);
  if ('workspaces' in pkg) problem(`package.json as published has "workspaces": ${JSON.stringify(pkg.workspaces)}`);
  if (pkg.private) problem('package.json as published is private');
  if (pkg.backstage?.role !== p.role) problem(`backstage.role is ${pkg.backstage?.role}, expected ${p.role}`);
  for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.peerDependencies })) {
    if (/^(file|link|workspace|portal):/.test(range)) problem(`dependency ${name}: ${range} cannot be installed from a registry`);
  }

  for (const key of ['main', 'module', 'types']) {
    if (pkg[key] !== undefined) inDist(key, pkg[key]);
    else if (key !== 'module') problem(`package.json has no ${key}`);
  }
  for (const [entry, value] of Object.entries(pkg.exports ?? {})) {
    leaves(value).filter(t => t.startsWith('.') && t !== './package.json').forEach(t => inDist(`exports["${entry}"]`, t));
  }
  for (const entry of p.entries) {
    const targets = leaves(pkg.exports?.[entry]);
    if (!targets.length) problem(`exports["${entry}"] is missing`);
    else if (!targets.some(t => t.endsWith('.d.ts'))) problem(`exports["${entry}"] has no types`);
    const sub = entry.replace(/^\.\/?/, '');
    if (sub && !pkg.typesVersions?.['*']?.[sub]) problem(`typesVersions has no "${sub}"`);
  }
  for (const [key, targets] of Object.entries(pkg.typesVersions?.['*'] ?? {})) {
    if (key !== 'package.json') targets.forEach(t => inDist(`typesVersions["${key}"]`, t));
  }
  if (source.configSchema && !pkg.configSchema) problem(`the source declares configSchema ${source.configSchema}; the published package.json has none`);
  if (pkg.configSchema && !has(pkg.configSchema)) problem(`configSchema ${pkg.configSchema} is not in the tarball`);

  // What dist/ imports must be installed with it.
  const declared = { ...pkg.peerDependencies, ...pkg.dependencies };
  const imported = new Map();
  for (const f of files) {
    if (!/^dist\/.*\.(c?js|mjs|d\.ts)$/.test(f)) continue;
    for (const spec of importsOf(readFileSync(join(dir, f), 'utf8'))) {
      if (spec.startsWith('.') || spec.startsWith('/')) continue;
      const name = packageOf(spec);
      if (name.startsWith('node:') || BUILTIN.has(name) || name === p.name) continue;
      if (!imported.has(name)) imported.set(name, f);
    }
  }
  for (const [name, file] of imported) {
    if (!(name in declared)) problem(`${file} imports ${name}, which is not a dependency or peer dependency`);
  }
  if (p.key !== 'common') {
    const range = pkg.dependencies?.[common.name];
    if (!range) problem(`${common.name} is not a dependency`);
    else if (!semver.satisfies(common.version, range)) problem(`its dependency ${common.name}@${range} does not accept the packed version ${common.version}`);
  }
  return { pkg, imported: [...imported.keys()] };
}
