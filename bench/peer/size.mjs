/*
 * Entity-page growth and tab chunk of both plugins, measured the same way
 * for both, from source: rspack (the bundler of backstage-cli) in
 * production mode bundles an entry that imports `circleCIPlugin`,
 * `EntityCircleCIContent` and `isCircleCIAvailable` (both plugins export
 * these three names) from the plugin's `src/index.ts` (TypeScript through
 * rspack's builtin swc loader), with what every Backstage app already has
 * external (react, react-dom, react-router-dom, @backstage/*,
 * @material-ui/*) and every other dependency bundled (ours: zod, luxon,
 * TanStack Query; the classic one: circleci-api with its axios, lodash,
 * react-use, humanize-duration, luxon). Both sources sit under the repo's
 * package.json (`sideEffects: false`), so both are tree-shaken alike.
 * Growth = initial chunk minus that of an entry importing nothing (with a
 * dynamic import, so both carry the chunk-loading runtime); tab chunk =
 * the lazy chunks behind the tab's dynamic imports (ours: its routes and
 * client; the classic one: its Router, which its index also exports
 * statically, so it lands in the initial chunk and its tab chunk is empty). Gzip:
 * zlib's default level, files concatenated (as bench/size.mjs).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The dynamic imports that opening the tab waits for: ours (routes + client), the classic one (its Router). */
const TAB = /TabRoutes|CircleCIClient|components\/Router/;
const isShared = request => /^(react|react-dom|react-router-dom)(\/|$)|^@backstage\/|^@material-ui\//.test(request);

function sizes(files) {
  const all = Buffer.concat(files.map(f => readFileSync(f)));
  return { files: files.length, raw: all.length, gzip: all.length ? gzipSync(all).length : 0 };
}

async function bundle({ rspack, dir, root, name, code }) {
  writeFileSync(join(dir, `${name}.mjs`), code);
  const outdir = join(dir, `out-${name}`);
  const compiler = rspack({
    mode: 'production',
    context: root,
    entry: { main: join(dir, `${name}.mjs`) },
    output: { path: outdir, filename: '[name].js', chunkFilename: '[name].[contenthash].js' },
    resolve: { extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'builtin:swc-loader',
          options: {
            jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } },
          },
          type: 'javascript/auto',
        },
      ],
    },
    externals: [({ request }, callback) => (isShared(request) ? callback(null, 'var __shared') : callback())],
    devtool: false,
    target: 'web',
    infrastructureLogging: { level: 'error' },
  });
  const stats = await new Promise((res, rej) => compiler.run((error, s) => (error ? rej(error) : res(s))));
  const json = stats.toJson({ chunks: true, chunkOrigins: true, modules: false, assets: false });
  if (json.errors?.length) throw new Error(json.errors.map(e => e.message).join('\n'));
  const files = chunks => chunks.flatMap(c => c.files.filter(f => f.endsWith('.js'))).map(f => join(outdir, f));
  const lazy = json.chunks.filter(c => !c.initial);
  const tab = lazy.filter(c => (c.origins ?? []).some(o => TAB.test(o.request ?? '')));
  return { initial: sizes(files(json.chunks.filter(c => c.initial))), lazy: sizes(files(lazy)), tab: sizes(files(tab)) };
}

/** `{ ours, classic }`, each `{ growth, tab }` in bytes (raw and gzip). */
export async function measurePeerSizes({ root, peerSrc }) {
  const { rspack } = createRequire(join(root, 'package.json'))('@rspack/core');
  const dir = mkdtempSync(join(tmpdir(), 'circleci-bench-peer-size-'));
  try {
    writeFileSync(join(dir, 'later.mjs'), 'export const later = 1;\n');
    const keep = "() => import('./later.mjs')";
    const empty = await bundle({ rspack, dir, root, name: 'empty', code: `globalThis.__keep = [${keep}];\n` });
    const names = 'circleCIPlugin, EntityCircleCIContent, isCircleCIAvailable';
    const of = async (name, index) => {
      const used = await bundle({
        rspack,
        dir,
        root,
        name,
        code: `import { ${names} } from ${JSON.stringify(index)};\nglobalThis.__keep = [${names}, ${keep}];\n`,
      });
      const minus = key => used.initial[key] - empty.initial[key];
      return {
        growth: { raw: minus('raw'), gzip: minus('gzip') },
        // What opening the tab loads (chunks behind its dynamic imports), and all lazy chunks.
        tab: used.tab,
        lazy: { raw: used.lazy.raw - empty.lazy.raw, gzip: used.lazy.gzip - empty.lazy.gzip, files: used.lazy.files - empty.lazy.files },
      };
    };
    return {
      how: 'rspack production bundle from source (swc), shared externals as bench/size.mjs; growth = initial − empty entry',
      ours: await of('ours', join(root, 'src', 'index.ts')),
      classic: await of('classic', join(peerSrc, 'index.ts')),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
