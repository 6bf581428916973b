/*
 * The scratch projects: a temp dir whose node_modules holds the unpacked
 * tarballs (what `npm install <tgz>` puts there) and, as symlinks to this
 * repository's node_modules, every other package (no network).
 *
 *  - frontend: the frontend and common tarballs; a file importing both
 *    frontend entries is type-checked with `moduleResolution: bundler`
 *    (exports, as a Backstage app) and `node10` (typesVersions, as older
 *    TypeScript setups); Node's resolution of each entry lands in dist/.
 *  - backend: the backend and common tarballs; a file passing the default
 *    export to `createBackend().add(…)` from @backstage/backend-defaults is
 *    type-checked with `bundler` (a Backstage backend's tsconfig) and
 *    `node16` (CommonJS under Node's own rules), and `add(import(…))` as the
 *    README shows with `bundler`; then Node itself requires the package and
 *    finds a backend feature as its default export.
 */
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { explain, fail, firstLines, rootModules, run, say, seconds } from './util.mjs';

const tsc = join(rootModules, 'typescript', 'bin', 'tsc');

/** Makes the project: links, unpacked tarballs, package.json. Returns each package's folder. */
function setUp({ dir, name, tarballs }) {
  const modules = join(dir, 'node_modules');
  mkdirSync(modules, { recursive: true });
  const scopes = new Set(tarballs.map(t => t.name.split('/')[0]));
  for (const entry of readdirSync(rootModules)) {
    if (entry.startsWith('.') || scopes.has(entry)) continue;
    symlinkSync(join(rootModules, entry), join(modules, entry));
  }
  // Our own scope holds only the tarballs: its entries in this repository's
  // node_modules are the workspaces' symlinks to their sources.
  for (const scope of scopes) mkdirSync(join(modules, scope));
  const folders = {};
  for (const t of tarballs) {
    folders[t.name] = join(modules, t.name);
    mkdirSync(folders[t.name]);
    run('tar', ['-xzf', t.path, '-C', folders[t.name], '--strip-components=1']);
  }
  const dependencies = Object.fromEntries(tarballs.map(t => [t.name, `file:${t.path}`]));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, private: true, dependencies }, null, 2)}\n`);
  return folders;
}

/** Type-checks `files` once per set of compiler options (`only`: fewer files); a failure is a problem. */
function typeCheck({ dir, label, files, variants, lib }) {
  for (const [variant, { only, ...options }] of Object.entries(variants)) {
    const config = join(dir, `tsconfig.${variant}.json`);
    const compilerOptions = { target: 'ES2022', lib, strict: true, noEmit: true, esModuleInterop: true, skipLibCheck: true, types: [], ...options };
    writeFileSync(config, JSON.stringify({ compilerOptions, files: only ?? files }));
    const t = Date.now();
    let result = 'ok';
    try {
      run('node', [tsc, '-p', config], dir);
    } catch (error) {
      result = 'FAILED';
      fail(`${label} scratch project, moduleResolution ${variant}: tsc failed\n${firstLines(error.stdout || explain(error))}`);
    }
    say(`${label} scratch project: tsc (moduleResolution ${variant}) ${result} in ${seconds(t)} s`);
  }
}

/** Node's resolution of each specifier, from the project, must land in the package's dist/. */
function resolvesIntoDist({ dir, label, specs }) {
  const req = createRequire(join(dir, 'package.json'));
  for (const [spec, folder] of specs) {
    try {
      const resolved = req.resolve(spec);
      if (!resolved.startsWith(join(folder, 'dist'))) fail(`${label} scratch project: ${spec} resolves to ${resolved}, not into dist/`);
    } catch (error) {
      fail(`${label} scratch project: ${spec} does not resolve: ${error.message}`);
    }
  }
}

/** The frontend project. `exported` is the text of the frontend's index.d.ts (for the optional cards). */
export function frontendProject({ dir, frontend, common, exported }) {
  const folders = setUp({ dir, name: 'scratch-app', tarballs: [frontend, common] });
  const NAME = frontend.name;
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
  typeCheck({
    dir,
    label: 'frontend',
    files: ['index.tsx'],
    lib: ['DOM', 'DOM.Iterable', 'ES2022'],
    variants: {
      bundler: { module: 'ES2020', moduleResolution: 'bundler', jsx: 'react-jsx' },
      node10: { module: 'CommonJS', moduleResolution: 'node10', jsx: 'react-jsx', ignoreDeprecations: '5.0' },
    },
  });
  resolvesIntoDist({
    dir,
    label: 'frontend',
    specs: [
      [NAME, folders[NAME]],
      [`${NAME}/alpha`, folders[NAME]],
      [common.name, folders[common.name]],
    ],
  });
  return { cards };
}

/** The backend project. */
export function backendProject({ dir, backend, common }) {
  const folders = setUp({ dir, name: 'scratch-backend', tarballs: [backend, common] });
  const NAME = backend.name;
  writeFileSync(
    join(dir, 'index.ts'),
    [
      `import plugin from '${NAME}';`,
      "import { createBackend } from '@backstage/backend-defaults';",
      "import type { BackendFeature } from '@backstage/backend-plugin-api';",
      '',
      'const backend = createBackend();',
      'backend.add(plugin);',
      'export const feature: BackendFeature = plugin;',
      'export { backend };',
      '',
    ].join('\n'),
  );
  // The README's form. Under node16 a CommonJS file's import() of a CommonJS
  // package nests the default export (so it fails there for every Backstage
  // backend plugin, @backstage/plugin-proxy-backend included): bundler only.
  writeFileSync(
    join(dir, 'dynamic.ts'),
    ["import { createBackend } from '@backstage/backend-defaults';", '', `createBackend().add(import('${NAME}'));`, ''].join('\n'),
  );
  typeCheck({
    dir,
    label: 'backend',
    files: ['index.ts', 'dynamic.ts'],
    lib: ['ES2022'],
    variants: {
      bundler: { module: 'ES2020', moduleResolution: 'bundler' },
      node16: { module: 'node16', moduleResolution: 'node16', only: ['index.ts'] },
    },
  });
  resolvesIntoDist({
    dir,
    label: 'backend',
    specs: [
      [NAME, folders[NAME]],
      [common.name, folders[common.name]],
    ],
  });
  // Node loads it: every require() of dist/ is met, and the default export is a backend feature.
  const t = Date.now();
  const probe = `const m = require(${JSON.stringify(NAME)}); const f = m && m.default; process.stdout.write(String(f && f.$$type));`;
  try {
    const type = run('node', ['-e', probe], dir).trim();
    if (type !== '@backstage/BackendFeature') fail(`backend scratch project: the default export's $$type is ${type}, not @backstage/BackendFeature`);
    say(`backend scratch project: node requires it, default export ${type} (${seconds(t)} s)`);
  } catch (error) {
    fail(`backend scratch project: node cannot require ${NAME}:\n${firstLines(explain(error))}`);
  }
}
