/*
 * One jest run for the whole repository. Backstage's jest config, run at a
 * workspace root, tests only the workspaces (common/, backend/); the root is
 * the frontend plugin itself, so it is added here as one more project, made
 * like the common package's (a frontend role: the same transforms and the
 * jsdom environment), with its own roots (src/ and the fake in dev/) and
 * src/setupTests.ts.
 */
const path = require('path');

module.exports = (async () => {
  const root = await require('@backstage/cli/config/jest');
  const template = root.projects.find(p => p.displayName === '@circleci-backstage/plugin-circleci-common');
  if (!template) throw new Error('jest.config.js: the common package must be a workspace');
  const src = path.resolve(__dirname, 'src');
  const frontend = {
    ...template,
    displayName: '@circleci-backstage/plugin-circleci',
    rootDir: src,
    roots: [src, path.resolve(__dirname, 'dev')],
    setupFilesAfterEnv: [...template.setupFilesAfterEnv, path.join(src, 'setupTests.ts')],
  };
  return { ...root, projects: [frontend, ...root.projects] };
})();
