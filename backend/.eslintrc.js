module.exports = {
  // Its own rules, not the frontend's (which ignores this folder).
  root: true,
  ...require('@backstage/cli/config/eslint-factory')(__dirname),
};
