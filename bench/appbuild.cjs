/*
 * Builds a dev app (the legacy one, dev/index.tsx, or the entry given as
 * the second argument, e.g. dev/app/index for the new frontend system) as a production bundle, the way
 * `backstage-cli package bundle`/`repo build` build an app (rspack,
 * production mode, minified, React production build), into the directory
 * given as the first argument. The app's frontend config (embedded in
 * index.html) comes from app-config.yaml plus APP_CONFIG_* variables,
 * which the caller sets (app.baseUrl and backend.baseUrl).
 *
 * Uses @backstage/cli-module-build internals (buildBundle, loadCliConfig):
 * the CLI has no command that bundles a plugin's dev entry for production.
 */
/* eslint-disable no-console */
const { join } = require('node:path');
// The root is an npm workspaces root too: let the CLI see the root package (as dev/stack.mjs does).
require('../dev/stack/workspaceRoot.cjs');
// @backstage/cli-module-build comes with @backstage/cli (a devDependency).
// eslint-disable-next-line @backstage/no-undeclared-imports
const { buildBundle } = require('@backstage/cli-module-build/dist/lib/bundler/bundle.cjs.js');
// eslint-disable-next-line @backstage/no-undeclared-imports
const { loadCliConfig } = require('@backstage/cli-module-build/dist/lib/config.cjs.js');

async function main() {
  const dist = process.argv[2];
  const entry = process.argv[3] ?? 'dev/index';
  if (!dist) throw new Error('usage: node bench/appbuild.cjs <output dir> [entry, default dev/index]');
  const root = join(__dirname, '..');
  const name = require(join(root, 'package.json')).name;
  const config = await loadCliConfig({ args: [], fromPackage: name });
  await buildBundle({ targetDir: root, entry, dist, ...config });
}

main().catch(error => {
  console.error(error?.stack ?? error);
  process.exit(1);
});
