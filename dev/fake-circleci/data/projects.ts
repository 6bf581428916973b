/*
 * The demo projects. `gh/acme/rocket` lives in `rocket.ts`; the smaller
 * projects are here.
 */

import type { FailureModel } from '../sim/model';
import { ROCKET } from './rocket';
import { MONOREPO } from './monorepo';
import { SECRET } from './secret';
import { ciJobs, deployJobs, min, type ProjectBlueprint } from './blueprint';

/** The organisation id of the `circleci/...` (GitLab) project. */
export const STANDALONE_ORG_ID = '6e2b8f0a-3c1d-4e5f-9a7b-1c2d3e4f5a6b';
/** The project id of the `circleci/...` (GitLab) project. */
export const STANDALONE_PROJECT_ID = '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f';

/** The failure of the failed job of the `circleci/...` project. */
export const STANDALONE_FAILURE: FailureModel = {
  file: 'tests/api.test.ts',
  testName: 'api › responds to health checks',
  error: 'Error: connect ECONNREFUSED 127.0.0.1:5432',
};

const STANDALONE: ProjectBlueprint = {
  vcs: 'circleci',
  org: STANDALONE_ORG_ID,
  repo: STANDALONE_PROJECT_ID,
  name: 'standalone-service',
  vcsUrl: 'https://gitlab.com/acme/standalone-service',
  providerName: 'GitLab',
  defaultBranch: 'main',
  firstPipelineNumber: 1,
  firstJobNumber: 1,
  pipelines: [
    {
      agoMs: min(300),
      branch: 'main',
      actor: 'margaret',
      workflows: [{ name: 'build-and-test', jobs: ciJobs() }],
    },
    {
      agoMs: min(240),
      branch: 'db-migrations',
      actor: 'margaret',
      commit: { subject: 'Add migrations for the orders table', body: null },
      workflows: [
        {
          name: 'build-and-test',
          jobs: ciJobs({ test: { outcome: 'failed', failure: STANDALONE_FAILURE } }),
        },
      ],
    },
    {
      agoMs: min(180),
      branch: 'main',
      actor: 'ada',
      workflows: [{ name: 'build-and-test', jobs: ciJobs() }],
    },
  ],
};

const BUCKET: ProjectBlueprint = {
  vcs: 'bb',
  org: 'acme',
  repo: 'bucket',
  name: 'bucket',
  vcsUrl: 'https://bitbucket.org/acme/bucket',
  providerName: 'Bitbucket',
  defaultBranch: 'master',
  firstPipelineNumber: 310,
  firstJobNumber: 901,
  pipelines: [
    {
      agoMs: min(600),
      branch: 'master',
      actor: 'linus',
      workflows: [{ name: 'build', jobs: ciJobs() }],
    },
    {
      agoMs: min(420),
      branch: 'feature/s3-sync',
      actor: 'linus',
      workflows: [{ name: 'build', jobs: ciJobs({ lint: { outcome: 'failed' } }) }],
    },
    {
      agoMs: min(45),
      branch: 'master',
      actor: 'grace',
      workflows: [{ name: 'build', jobs: ciJobs() }],
    },
  ],
};

const monoProject = (options: { part: 'api' | 'web'; firstJobNumber: number }): ProjectBlueprint => ({
  vcs: 'gh',
  org: 'acme',
  repo: `mono-${options.part}`,
  name: `mono-${options.part}`,
  vcsUrl: `https://github.com/acme/mono-${options.part}`,
  providerName: 'GitHub',
  defaultBranch: 'main',
  firstPipelineNumber: 88,
  firstJobNumber: options.firstJobNumber,
  pipelines: [
    {
      agoMs: min(500),
      branch: 'main',
      actor: 'ada',
      commit: { subject: `${options.part}: initial import`, body: null },
      workflows: [{ name: `${options.part}-ci`, jobs: ciJobs() }],
    },
    {
      agoMs: min(260),
      branch: 'main',
      actor: 'grace',
      commit: { subject: 'Share the auth client between api and web', body: null },
      workflows: [{ name: `${options.part}-ci`, jobs: deployJobs({ approvedAfterMs: min(9) }) }],
    },
    {
      agoMs: min(50),
      branch: 'feature/shared-auth',
      actor: 'grace',
      commit: { subject: 'Share the auth client between api and web', body: null },
      workflows: [
        {
          name: `${options.part}-ci`,
          jobs: ciJobs(options.part === 'web' ? { test: { outcome: 'failed' } } : {}),
        },
      ],
    },
  ],
});

const EMPTY: ProjectBlueprint = {
  vcs: 'gh',
  org: 'acme',
  repo: 'empty',
  name: 'empty',
  vcsUrl: 'https://github.com/acme/empty',
  providerName: 'GitHub',
  defaultBranch: 'main',
  firstPipelineNumber: 1,
  firstJobNumber: 1,
  pipelines: [],
};

/** All demo projects, in a fixed order. */
export const PROJECT_BLUEPRINTS: readonly ProjectBlueprint[] = [
  ROCKET,
  STANDALONE,
  BUCKET,
  monoProject({ part: 'api', firstJobNumber: 2001 }),
  monoProject({ part: 'web', firstJobNumber: 3001 }),
  EMPTY,
  // Last, so that adding it moved no id of the projects above.
  MONOREPO,
  // After it, for the same reason: the project no demo entity names.
  SECRET,
];
