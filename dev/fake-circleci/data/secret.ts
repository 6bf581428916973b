/*
 * `gh/acme/secret`: a project the token can read and act on but that no
 * demo catalog entity names. The CircleCI backend plugin must answer 404
 * for everything of it, by slug and by id (its workflows, pipelines and
 * jobs), to every Backstage user: the dev stack and its e2e test check it.
 * A few small pipelines: one failed, one on hold for an approval, one
 * finished, so there is something to rerun, approve and cancel.
 */

import { ciJobs, deployJobs, min, type ProjectBlueprint } from './blueprint';

/** The slug of the project no demo entity names. */
export const SECRET_SLUG = 'gh/acme/secret';

export const SECRET: ProjectBlueprint = {
  vcs: 'gh',
  org: 'acme',
  repo: 'secret',
  name: 'secret',
  vcsUrl: 'https://github.com/acme/secret',
  providerName: 'GitHub',
  defaultBranch: 'main',
  firstPipelineNumber: 40,
  firstJobNumber: 7001,
  pipelines: [
    {
      agoMs: min(360),
      branch: 'main',
      actor: 'grace',
      commit: { subject: 'Rotate the signing keys', body: null },
      workflows: [{ name: 'build-and-test', jobs: ciJobs() }],
    },
    {
      agoMs: min(200),
      branch: 'feature/vault',
      actor: 'linus',
      commit: { subject: 'Read the database password from the vault', body: null },
      workflows: [{ name: 'build-and-test', jobs: ciJobs({ test: { outcome: 'failed' } }) }],
    },
    {
      agoMs: min(30),
      branch: 'main',
      actor: 'grace',
      commit: { subject: 'Deploy the new keys', body: null },
      workflows: [{ name: 'build-test-deploy', jobs: deployJobs() }],
    },
  ],
};
