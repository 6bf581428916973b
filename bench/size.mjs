/*
 * P4: the size of what an app loads for the plugin, from a production
 * build. The package is copied (package.json, config.d.ts, src/) into a
 * temp dir that links node_modules, and built there with
 * `backstage-cli package build --minify` (rollup, esbuild minifier, one ESM file
 * per module, dependencies external), so the repo's dist/ is not touched.
 * The type output is not needed, so dist-types holds stubs (one per entry).
 *
 * Two views of the result:
 *  - `entry`/`lazy`: the plugin's own files statically reachable from
 *    dist/index.esm.js (what a bundler without cross-module tree-shaking
 *    puts in the entity page's chunk), and the files the tab's dynamic
 *    `import()` reaches (the lazy Router chunk; `onlyLazy`: those of them
 *    not already in the entry closure).
 *  - `app`: what an app pays when it imports `circleCIPlugin`,
 *    `EntityCircleCIContent` and `isCircleCIAvailable`: rspack (the
 *    bundler of `backstage-cli`) bundles that in production mode
 *    (minified, tree-shaken with the package's `sideEffects: false`,
 *    split at dynamic imports), with what every Backstage app already
 *    has external (react, react-dom, react-router-dom, @backstage/*,
 *    @material-ui/*) and the plugin's own dependencies (zod, luxon)
 *    bundled. Growth = the initial chunk minus that of an entry that
 *    imports nothing (but has a dynamic import, so both carry the
 *    chunk-loading runtime).
 * Gzip: zlib's default level (6), of the files concatenated.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

function sizes(files) {
  const buffers = files.map(f => readFileSync(f));
  const all = Buffer.concat(buffers);
  return { files: files.length, raw: all.length, gzip: all.length ? gzipSync(all).length : 0 };
}

function importsOf(file) {
  const code = readFileSync(file, 'utf8');
  const staticDeps = [...code.matchAll(STATIC_IMPORT)].map(m => m[1]);
  const dynamicDeps = [...code.matchAll(DYNAMIC_IMPORT)].map(m => m[1]);
  const local = spec => resolve(dirname(file), spec);
  return {
    static: staticDeps.filter(s => s.startsWith('.')).map(local),
    dynamic: dynamicDeps.filter(s => s.startsWith('.')).map(local),
    external: staticDeps.filter(s => !s.startsWith('.')),
  };
}

/** Files statically reachable from `starts`, and the dynamic targets met on the way. */
function closure(starts) {
  const seen = new Set();
  const dynamic = new Set();
  const external = new Set();
  const todo = [...starts];
  while (todo.length) {
    const file = todo.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const deps = importsOf(file);
    deps.static.forEach(d => todo.push(d));
    deps.dynamic.forEach(d => dynamic.add(d));
    deps.external.forEach(d => external.add(d.startsWith('@') ? d.split('/').slice(0, 2).join('/') : d.split('/')[0]));
  }
  return { files: [...seen], dynamic: [...dynamic], external: [...external].sort() };
}

const isShared = request => /^(react|react-dom|react-router-dom)(\/|$)|^@backstage\/|^@material-ui\//.test(request);
/** What an app of the new frontend system also has: zod 4, through @backstage/plugin-catalog-react/alpha. */
const isSharedNfs = request => isShared(request) || /^zod(\/|$)/.test(request);

/**
 * What a view loads lazily, by the dynamic imports it waits for: the tab
 * (its routes and the client, which `importTabRoutes` loads together), each
 * card (its component and the client, which the lazy API loads on the first
 * request), and the client alone.
 */
const LAZY_GROUPS = [
  ['tab', /TabRoutes|CircleCIClient/],
  ['latestCard', /LatestPipelineCard|CircleCIClient/],
  ['recentCard', /RecentPipelinesCard|CircleCIClient/],
  ['client', /CircleCIClient/],
  // The insights chart (recharts): loaded when the Insights view paints a chart.
  ['insightsChart', /RunsPlot/],
];

/** Bundles `code` like a Backstage app's production build would (rspack, production mode). */
async function rspackBundle({ dir, rspack, name, code, shared = isShared, alias }) {
  writeFileSync(join(dir, `${name}.mjs`), code);
  const outdir = join(dir, `out-${name}`);
  const compiler = rspack({
    mode: 'production',
    context: dir,
    entry: { main: `./${name}.mjs` },
    output: { path: outdir, filename: '[name].js', chunkFilename: '[name].[contenthash].js' },
    externals: [({ request }, callback) => (shared(request) ? callback(null, 'var __shared') : callback())],
    // The common package as an app gets it from the registry: its built dist.
    resolve: alias ? { alias } : undefined,
    devtool: false,
    target: 'web',
    infrastructureLogging: { level: 'error' },
  });
  const stats = await new Promise((res, rej) => compiler.run((error, s) => (error ? rej(error) : res(s))));
  const json = stats.toJson({ chunks: true, chunkModules: true, chunkOrigins: true, modules: false, assets: false });
  if (json.errors?.length) throw new Error(json.errors.map(e => e.message).join('\n'));
  const names = modules => (modules ?? []).flatMap(m => (m.modules ? names(m.modules) : [m.name ?? '']));
  const files = chunks => chunks.flatMap(c => c.files.filter(f => f.endsWith('.js'))).map(f => join(outdir, f));
  const initial = json.chunks.filter(c => c.initial);
  const lazyChunks = json.chunks.filter(c => !c.initial);
  // A chunk shared by two dynamic imports counts in both groups.
  const groups = Object.fromEntries(
    LAZY_GROUPS.map(([group, pattern]) => [
      group,
      sizes(files(lazyChunks.filter(c => (c.origins ?? []).some(o => pattern.test(o.request ?? ''))))),
    ]),
  );
  return {
    initial: sizes(files(initial)),
    lazy: sizes(files(lazyChunks)),
    groups,
    inputsInInitial: initial.flatMap(c => names(c.modules)),
  };
}

const packagesIn = inputs =>
  [...new Set(inputs.map(i => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(i)?.[1] ?? (i.includes('dist/') ? 'plugin' : '')))].filter(Boolean).sort();

/**
 * The app bundles: `legacy` (circleCIPlugin, EntityCircleCIContent,
 * isCircleCIAvailable, as before), `legacyCards` (the same plus the two
 * legacy cards) and `nfs` (the /alpha default export, which holds the tab
 * and both cards). Growth = initial chunk minus the empty entry's.
 */
async function appBundle({ dir, rspack, legacyExports, alias }) {
  writeFileSync(join(dir, 'later.mjs'), 'export const later = 1;\n');
  // The baseline has a dynamic import too, so both carry the chunk-loading runtime.
  const empty = await rspackBundle({ dir, rspack, alias, name: 'empty', code: "globalThis.__keep = [() => import('./later.mjs')];\n" });
  const nfsCode = "import plugin from './dist/alpha.esm.js';\nglobalThis.__keep = [plugin, () => import('./later.mjs')];\n";
  const legacyNames = ['circleCIPlugin', 'EntityCircleCIContent', 'isCircleCIAvailable'];
  const cardNames = ['EntityLatestCircleCIPipelineCard', 'EntityRecentCircleCIPipelinesCard'].filter(n => legacyExports.includes(n));
  const variants = {
    legacy: { how: legacyNames.join(', '), names: legacyNames },
    ...(cardNames.length ? { legacyCards: { how: `the same + ${cardNames.join(', ')}`, names: [...legacyNames, ...cardNames] } } : {}),
    // zod is shared here: catalog-react 4's blueprints import zod/v4 (the same modules) at their top.
    nfs: { how: "default export of '/alpha' (tab + both cards); zod shared", code: nfsCode, shared: isSharedNfs },
    nfsOwnZod: { how: "the same with zod bundled (an app without zod 4)", code: nfsCode },
  };
  const out = {};
  for (const [name, v] of Object.entries(variants)) {
    const code =
      v.code ?? `import { ${v.names.join(', ')} } from './dist/index.esm.js';\nglobalThis.__keep = [${v.names.join(', ')}, () => import('./later.mjs')];\n`;
    const used = await rspackBundle({ dir, rspack, alias, name, code, shared: v.shared });
    out[name] = {
      how: v.how,
      growth: { raw: used.initial.raw - empty.initial.raw, gzip: used.initial.gzip - empty.initial.gzip },
      initial: used.initial,
      lazy: { raw: used.lazy.raw - empty.lazy.raw, gzip: used.lazy.gzip - empty.lazy.gzip, files: used.lazy.files - empty.lazy.files },
      groups: used.groups,
      initialContains: packagesIn(used.inputsInInitial),
      initialPluginModules: used.inputsInInitial.filter(i => i.includes('dist/')).map(i => i.replace(/^.*dist\//, '')).sort(),
    };
  }
  // `app` stays the legacy entity page, as before (the P4.growth target).
  return { how: 'rspack production build of an entry importing circleCIPlugin, EntityCircleCIContent, isCircleCIAvailable', ...out.legacy, systems: out };
}

/**
 * Builds a package (package.json and src/, plus `extra` files) in a temp
 * copy with `backstage-cli package build --minify`; the type output is
 * not needed, so dist-types holds stubs. Returns the copy's folder.
 */
function buildCopy({ root, from, extra = [], entries }) {
  const dir = mkdtempSync(join(tmpdir(), 'circleci-bench-build-'));
  for (const f of ['package.json', ...extra]) cpSync(join(from, f), join(dir, f));
  cpSync(join(from, 'src'), join(dir, 'src'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  mkdirSync(join(dir, 'dist-types', 'src'), { recursive: true });
  for (const entry of entries) writeFileSync(join(dir, 'dist-types', 'src', `${entry}.d.ts`), 'export {};\n');
  execFileSync(join(root, 'node_modules', '.bin', 'backstage-cli'), ['package', 'build', '--minify'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  return dir;
}

/** Builds the package in a temp copy and measures it. */
export async function measureSize({ root, say }) {
  const t0 = Date.now();
  const dir = buildCopy({ root, from: root, extra: ['config.d.ts'], entries: ['index', 'alpha'] });
  // The common package, built as published: the plugin's dist imports it by name.
  const commonDir = buildCopy({ root, from: join(root, 'common'), entries: ['index'] });
  const alias = { '@circleci-backstage/plugin-circleci-common$': join(commonDir, 'dist', 'index.esm.js') };
  try {
    const buildS = (Date.now() - t0) / 1000;
    const dist = join(dir, 'dist');
    const entry = closure([join(dist, 'index.esm.js')]);
    const alpha = closure([join(dist, 'alpha.esm.js')]);
    const dynamicOf = pattern => [...new Set([...entry.dynamic, ...alpha.dynamic])].filter(d => pattern.test(d));
    // The tab's chunk: everything its dynamic import reaches; `onlyLazy` of it is not in the entry closure.
    const lazyAll = closure(dynamicOf(/TabRoutes|CircleCIClient/));
    const entrySet = new Set([...entry.files, ...alpha.files]);
    const lazyOnly = lazyAll.files.filter(f => !entrySet.has(f));
    const cardsAll = closure(dynamicOf(/LatestPipelineCard|RecentPipelinesCard/));
    const cardsOnly = cardsAll.files.filter(f => !entrySet.has(f));
    const cardsNotInTab = cardsOnly.filter(f => !lazyAll.files.includes(f));
    // The insights chart's chunk (recharts is a dependency, so only the plot module is in dist).
    const insightsAll = closure(dynamicOf(/RunsPlot/));
    const rel = f => relative(dist, f);
    const allJs = readdirSync(dist, { recursive: true }).filter(f => String(f).endsWith('.esm.js'));
    let app;
    try {
      const { rspack } = createRequire(join(root, 'package.json'))('@rspack/core');
      const legacyExports = readFileSync(join(dist, 'index.esm.js'), 'utf8');
      app = await appBundle({ dir, rspack, legacyExports, alias });
    } catch (error) {
      app = { error: String(error?.message ?? error) };
    }
    say?.(`P4: built in ${buildS.toFixed(1)} s; entry closure ${entry.files.length} modules (alpha ${alpha.files.length}), ` +
      `tab chunk ${lazyAll.files.length} modules (${lazyOnly.length} not in the entry closures), card chunks ${cardsAll.files.length}`);
    return {
      how: 'backstage-cli package build --minify (temp copy of package.json, config.d.ts, src/)',
      buildS,
      moduleFiles: allJs.length,
      entry: { ...sizes(entry.files), external: entry.external, modules: entry.files.map(rel).sort() },
      alphaEntry: { ...sizes(alpha.files), external: alpha.external, modules: alpha.files.map(rel).sort() },
      lazy: {
        ...sizes(lazyAll.files),
        dynamicImports: dynamicOf(/TabRoutes|CircleCIClient/).map(rel),
        onlyLazy: { ...sizes(lazyOnly), modules: lazyOnly.map(rel).sort() },
      },
      // Both cards' chunks (the same components serve both systems).
      cards: {
        ...sizes(cardsAll.files),
        dynamicImports: dynamicOf(/LatestPipelineCard|RecentPipelinesCard/).map(rel),
        onlyLazy: { ...sizes(cardsOnly), modules: cardsOnly.map(rel).sort() },
        notInTab: { ...sizes(cardsNotInTab), modules: cardsNotInTab.map(rel).sort() },
      },
      insightsChart: {
        ...sizes(insightsAll.files.filter(f => !entrySet.has(f) && !lazyAll.files.includes(f))),
        dynamicImports: dynamicOf(/RunsPlot/).map(rel),
        external: insightsAll.external,
      },
      app,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(commonDir, { recursive: true, force: true });
  }
}
