#!/usr/bin/env node
/*
 * The second half of the root's `prepack`, after `backstage-cli package
 * prepack`: drops `workspaces` from the package.json being published.
 * `workspaces` means something only at this repository's root (it makes one
 * `npm install` install common/ and backend/); in the published frontend
 * plugin it would only name folders the tarball does not carry. Backstage's
 * prepack keeps it, and publishConfig can set keys but not remove them.
 *
 * `postpack` (`backstage-cli package postpack`) puts the whole file back from
 * package.json-prepack, which prepack saved before any rewrite, so this
 * needs no undo of its own. Refuses to run without that backup, so that it
 * can never strip the repository's own package.json.
 */
/* eslint-disable no-console */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

if (!existsSync('package.json-prepack')) {
  console.error('drop-workspaces: no package.json-prepack here; run it only after `backstage-cli package prepack`');
  process.exit(1);
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
if ('workspaces' in pkg) {
  delete pkg.workspaces;
  writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
}
