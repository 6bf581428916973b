/*
 * Shared by the browser and the server: no React, no UI, no frontend or
 * backend packages, no I/O. Only zod, and the two Backstage packages that
 * define permissions on catalog entities (both isomorphic, no I/O at import):
 * @backstage/plugin-permission-common (createPermission) and
 * @backstage/plugin-catalog-common/alpha (the `catalog-entity` resource type).
 */
module.exports = {
  // Its own rules, not the frontend's (which ignores this folder).
  root: true,
  ...require('@backstage/cli/config/eslint-factory')(__dirname, {
  restrictedImportPatterns: [
    'react',
    'react-dom',
    'react-router*',
    '@material-ui/*',
    '@backstage/*',
    // The permissions (src/permissions.ts): both sides import them from here.
    '!@backstage/plugin-permission-common',
    '!@backstage/plugin-catalog-common',
    '!@backstage/plugin-catalog-common/alpha',
    'node:*',
    'fs',
    'http',
    'https',
  ],
  rules: {
    'no-restricted-globals': [
      'error',
      { name: 'fetch', message: 'The common package does no I/O.' },
      { name: 'window', message: 'The common package runs on the server too.' },
      { name: 'document', message: 'The common package runs on the server too.' },
    ],
  },
  }),
};
