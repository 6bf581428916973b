/*
 * Preloaded (`node --require`) into `backstage-cli package start` by
 * dev/stack.mjs, so that the CLI can run the dev apps at the repository
 * root, which is both the frontend plugin package and an npm workspaces root
 * (common/, backend/).
 *
 * The CLI reads the app's config schema from the package graph of the
 * workspace (`loadCliConfig({ fromPackage })` → `@manypkg/get-packages`).
 * For a workspaces root, get-packages lists the workspaces but not the root
 * package itself, so the CLI stops with "Package
 * '@circleci-backstage/plugin-circleci' not found". Here, the root package is
 * added to that list when it is a Backstage package (it has a
 * `backstage.role`), which is what the CLI saw before the root had
 * workspaces. Nothing else changes.
 */
const { dirname } = require('node:path');

function patch() {
  let modulePath;
  try {
    const cliBuild = dirname(require.resolve('@backstage/cli-module-build/package.json'));
    modulePath = require.resolve('@manypkg/get-packages', { paths: [cliBuild] });
  } catch {
    return; // another CLI layout: nothing to patch
  }
  const getPackagesModule = require(modulePath);
  const original = getPackagesModule.getPackages;
  if (typeof original !== 'function' || original.withWorkspaceRoot) return;
  const withWorkspaceRoot = async (...args) => {
    const result = await original(...args);
    const root = result?.root;
    if (
      root?.packageJson?.backstage?.role &&
      Array.isArray(result.packages) &&
      !result.packages.some(p => p.dir === root.dir)
    ) {
      return { ...result, packages: [root, ...result.packages] };
    }
    return result;
  };
  withWorkspaceRoot.withWorkspaceRoot = true;
  getPackagesModule.getPackages = withWorkspaceRoot;
}

patch();
