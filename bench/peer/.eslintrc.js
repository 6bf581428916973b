// The vendored classic plugin is measured, not maintained here: keep its
// source as it is (bench/peer/circleci-classic/README.md).
module.exports = { ignorePatterns: ['circleci-classic/**'] };
