/*
 * The busy demo project `gh/acme/rocket`: 65 pipelines, pipeline numbers
 * 1201 (oldest) to 1265 (newest). The newest 20 (the first page) cover every
 * workflow status and an errored pipeline (a config-fetch error, no
 * workflows); the structure (and so every job number) does not depend on the
 * seed.
 */

import {
  ci,
  FLAKY_FAILURE,
  HOSTILE_BRANCH,
  ANSI_SOUP_SUBJECT,
  matrixJobs,
  olderPipeline,
  SUBJECTS,
} from './rocket-history';
import { deployJobs, min, sec, type PipelineBlueprint, type ProjectBlueprint } from './blueprint';
import { CONFIG_FETCH_ERROR } from './pipeline-errors';
import { ROCKET_FAILURE } from './results';

export { ANSI_SOUP_SUBJECT, HOSTILE_BRANCH, SHARD_FAILURE } from './rocket-history';

/**
 * The 21 newest pipelines, newest first (numbers 1265 down to 1245; the
 * last one is on the second page).
 */
const NEWEST: PipelineBlueprint[] = [
  // 1265: running (finishes ~2.6 min after start)
  {
    agoMs: sec(100),
    branch: 'main',
    actor: 'ada',
    workflows: [{ name: 'build-and-test', jobs: ci() }],
  },
  // 1264: running, with a queued job and a blocked job (finishes ~5 min after start)
  {
    agoMs: sec(40),
    branch: 'feature/login',
    actor: 'grace',
    workflows: [{ name: 'build-and-test', jobs: ci({ test: { queueMs: sec(75) } }) }],
  },
  // 1263: failing (lint failed, test still running)
  {
    agoMs: sec(150),
    branch: 'renovate/lodash',
    actor: 'renovate',
    workflows: [
      {
        name: 'build-and-test',
        jobs: ci({
          lint: { outcome: 'failed', durationMs: sec(40) },
          test: { durationMs: sec(300) },
        }),
      },
    ],
  },
  // 1262: on hold (approval job waiting, deploy blocked)
  {
    agoMs: min(25),
    branch: 'main',
    actor: 'ada',
    workflows: [{ name: 'build-test-deploy', jobs: deployJobs() }],
  },
  // 1261: the hostile branch, success, hostile artifacts
  {
    agoMs: min(35),
    branch: HOSTILE_BRANCH,
    actor: 'linus',
    workflows: [{ name: 'build-and-test', jobs: ci({ test: { hostileArtifacts: true } }) }],
  },
  // 1260: running (finishes ~4.7 min after start)
  {
    agoMs: sec(60),
    branch: 'main',
    actor: 'margaret',
    workflows: [{ name: 'build-and-test', jobs: ci({ test: { durationMs: sec(240) } }) }],
  },
  // 1259: a rerun: the first workflow failed, the rerun succeeded
  {
    agoMs: min(70),
    branch: 'main',
    actor: 'grace',
    workflows: [
      { name: 'build-and-test', jobs: ci({ test: { outcome: 'failed', failure: FLAKY_FAILURE } }) },
      { name: 'build-and-test', jobs: ci(), rerun: true, offsetMs: min(10), startedBy: 'grace' },
    ],
  },
  // 1258: the tag v1.2.0
  {
    agoMs: min(80),
    tag: 'v1.2.0',
    actor: 'grace',
    workflows: [
      {
        name: 'release',
        jobs: [
          { name: 'build', kind: 'build' },
          { name: 'publish', kind: 'publish', requires: ['build'], contexts: ['npm-publish'] },
        ],
      },
    ],
  },
  // 1257: errored: CircleCI could not fetch .circleci/config.yml (no workflows)
  {
    agoMs: min(85),
    branch: 'feature/login',
    actor: 'grace',
    errors: [CONFIG_FETCH_ERROR],
    workflows: [],
  },
  // 1256: failed, with the clear failing log line; the commit of 1255, pushed again to a second branch
  {
    agoMs: min(90),
    branch: 'feature/login',
    actor: 'grace',
    commitKey: 'login-rebase',
    workflows: [
      {
        name: 'build-and-test',
        jobs: ci({ test: { outcome: 'failed', failure: ROCKET_FAILURE } }),
      },
    ],
  },
  // 1255: canceled while lint and test were running; the same commit as 1256
  {
    agoMs: min(100),
    branch: 'main',
    actor: 'ada',
    commitKey: 'login-rebase',
    workflows: [{ name: 'build-and-test', jobs: ci(), canceledAfterMs: sec(40) }],
  },
  // 1254: error (infrastructure failure)
  {
    agoMs: min(110),
    branch: 'renovate/lodash',
    actor: 'renovate',
    workflows: [
      {
        name: 'build-and-test',
        forceError: true,
        jobs: [{ name: 'setup', kind: 'setup', outcome: 'infrastructure_fail' }],
      },
    ],
  },
  // 1253: unauthorized (deploy job without access to the production context)
  {
    agoMs: min(120),
    branch: 'main',
    actor: 'linus',
    workflows: [
      {
        name: 'build-test-deploy',
        jobs: [
          ...ci(),
          {
            name: 'deploy',
            kind: 'deploy',
            requires: ['build'],
            outcome: 'unauthorized',
            contexts: ['production'],
            messages: [
              {
                type: 'warning',
                message: 'You do not have access to the "production" context.',
                reason: 'unauthorized',
              },
            ],
          },
        ],
      },
    ],
  },
  // 1252: two workflows, one success and one not_run
  {
    agoMs: min(130),
    branch: 'main',
    actor: 'ada',
    workflows: [
      // The lint job and the nightly-audit workflow are the targets of the
      // jobStatusNull and workflowStoppedAtEmpty quirks.
      { name: 'build-and-test', jobs: ci({ lint: { nullStatusQuirk: true } }) },
      {
        name: 'nightly-audit',
        emptyStoppedAtQuirk: true,
        jobs: [{ name: 'audit', kind: 'audit', outcome: 'not_run' }],
      },
    ],
  },
  // 1251: failed, 22 jobs incl. the 16-container job (container 11 fails)
  {
    agoMs: min(140),
    branch: 'main',
    actor: 'margaret',
    workflows: [{ name: 'build-test-matrix', jobs: matrixJobs() }],
  },
  // 1250: success, the e2e job's main step has the huge log
  {
    agoMs: min(150),
    branch: 'main',
    actor: 'ada',
    workflows: [
      {
        name: 'build-and-test',
        jobs: [...ci(), { name: 'e2e', kind: 'e2e', requires: ['build'] }],
      },
    ],
  },
  // 1249: success, commit subject made of escape sequences
  {
    agoMs: min(160),
    branch: 'feature/login',
    actor: 'grace',
    commit: { subject: ANSI_SOUP_SUBJECT, body: 'Terminal escapes must be shown as text.' },
    workflows: [{ name: 'build-and-test', jobs: ci() }],
  },
  // 1248: scheduled pipeline without vcs
  {
    agoMs: min(170),
    noVcs: true,
    trigger: 'scheduled_pipeline',
    actor: 'margaret',
    workflows: [{ name: 'nightly-audit', jobs: [{ name: 'audit', kind: 'audit' }] }],
  },
  // 1247: commit subject null
  {
    agoMs: min(180),
    branch: 'renovate/lodash',
    actor: 'renovate',
    commit: { subject: null, body: null },
    workflows: [{ name: 'build-and-test', jobs: ci() }],
  },
  // 1246: commit subject missing
  {
    agoMs: min(190),
    branch: 'main',
    actor: 'ada',
    commit: { body: 'Merged via the API; the subject is missing.' },
    workflows: [{ name: 'build-and-test', jobs: ci() }],
  },
  // 1245: success, the lint job's log is missing (404)
  {
    agoMs: min(200),
    branch: 'main',
    actor: 'grace',
    workflows: [{ name: 'build-and-test', jobs: ci({ lint: { logMissing: true } }) }],
  },
];

/** The `gh/acme/rocket` project. */
export const ROCKET: ProjectBlueprint = {
  vcs: 'gh',
  org: 'acme',
  repo: 'rocket',
  name: 'rocket',
  vcsUrl: 'https://github.com/acme/rocket',
  providerName: 'GitHub',
  defaultBranch: 'main',
  firstPipelineNumber: 1201,
  firstJobNumber: 4001,
  pipelines: [
    ...NEWEST.map((p, k) => ({
      ...p,
      commit: p.commit ?? { subject: SUBJECTS[k % SUBJECTS.length], body: null },
    })),
    ...Array.from({ length: 44 }, (_, i) => olderPipeline(i + 20)),
  ].reverse(),
};
