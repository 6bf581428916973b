/*
 * Building blocks of `gh/acme/rocket` (see `rocket.ts`): hostile values,
 * failures, the 22-job matrix workflow and the 44 older pipelines.
 */

import type { FailureModel } from '../sim/model';
import { ciJobs, deployJobs, min, type ActorKey, type JobBlueprint, type PipelineBlueprint } from './blueprint';
import { CONFIG_COMPILE_ERROR } from './pipeline-errors';

/** The branch whose name is an HTML injection attempt. */
export const HOSTILE_BRANCH = '<img src=x onerror=alert(1)>';

/** A commit subject made of ANSI/OSC escape sequences. */
export const ANSI_SOUP_SUBJECT =
  '\x1b[31mred\x1b[0m \x1b]8;;javascript:alert(1)\x07click\x1b]8;;\x07 \x1b]0;title\x07 \x1b[1;4;5mbold\x1b[m done';

/** The failure of the 16-container job (container 11). */
export const SHARD_FAILURE: FailureModel = {
  file: 'src/modules/module-11.test.ts',
  testName: 'module 11 › case 8',
  error: "TypeError: Cannot read properties of undefined (reading 'altitude')",
};

/** A flaky failure (fixed by a rerun). */
export const FLAKY_FAILURE: FailureModel = {
  file: 'src/engine/thrust.test.ts',
  testName: 'engine › thrust › ramps up',
  error: 'Error: thrown: "Exceeded timeout of 5000 ms for a test."',
};

/** The failure of older failed pipelines. */
export const OLD_FAILURE: FailureModel = {
  file: 'src/engine/fuel.test.ts',
  testName: 'engine › fuel › warns below 10%',
  error: 'Error: expect(received).toBe(expected) // Object.is equality',
};

/** Commit subjects of the demo pipelines. */
export const SUBJECTS = [
  'Add telemetry panel to the dashboard',
  'Fix thrust calculation for staged engines',
  'Bump typescript to 5.8',
  'Refactor fuel gauge into its own module',
  'Handle offline mode in the ground station',
  'Update README with launch checklist',
  'Improve error message when the countdown aborts',
  'Speed up the simulation loop',
];

/** The CI workflow's jobs, with optional overrides. */
export const ci = (extra: Parameters<typeof ciJobs>[0] = {}): JobBlueprint[] => ciJobs(extra);

/** A 22-job workflow including the 16-container job. */
export const matrixJobs = (): JobBlueprint[] => {
  const jobs: JobBlueprint[] = [
    { name: 'lint', kind: 'lint' },
    {
      name: 'test-parallel',
      kind: 'shard',
      parallelism: 16,
      failingContainers: [11],
      failure: SHARD_FAILURE,
      outcome: 'failed',
    },
  ];
  for (const node of ['18', '20', '22', '24']) {
    for (const os of ['linux', 'macos', 'windows']) {
      jobs.push({ name: `test-node-${node}-${os}`, kind: 'matrix' });
    }
  }
  for (const target of [
    'linux-x64',
    'linux-arm64',
    'darwin-x64',
    'darwin-arm64',
    'win-x64',
    'win-arm64',
    'alpine-x64',
    'alpine-arm64',
  ]) {
    jobs.push({ name: `package-${target}`, kind: 'package', requires: ['lint'] });
  }
  return jobs;
};

const BRANCHES = ['main', 'feature/login', 'renovate/lodash', 'main'];
const HUMANS: ActorKey[] = ['ada', 'grace', 'margaret', 'linus'];

/** Older pipeline `k` (k = 20..63; the older the larger). */
export function olderPipeline(k: number): PipelineBlueprint {
  const branch = BRANCHES[k % 4];
  const base = {
    agoMs: min(200) + (k - 19) * min(40),
    branch,
    actor: branch === 'renovate/lodash' ? ('renovate' as const) : HUMANS[k % 4],
    commit: {
      subject: SUBJECTS[k % SUBJECTS.length],
      body: k % 3 === 0 ? null : 'Co-authored-by: Linus T. <linus@acme.example>',
    },
  };
  if (k === 25) return { ...base, errors: [CONFIG_COMPILE_ERROR], workflows: [] };
  if (k === 30) {
    const regions = [
      'us-east-1',
      'us-east-2',
      'us-west-1',
      'us-west-2',
      'ca-central-1',
      'sa-east-1',
      'eu-west-1',
      'eu-west-2',
      'eu-west-3',
      'eu-central-1',
      'eu-north-1',
      'eu-south-1',
      'ap-south-1',
      'ap-east-1',
      'ap-northeast-1',
      'ap-northeast-2',
      'ap-northeast-3',
      'ap-southeast-1',
      'ap-southeast-2',
      'me-south-1',
      'af-south-1',
      'il-central-1',
    ];
    return {
      ...base,
      workflows: regions.map((region, i) => ({
        // Workflow names with spaces and a slash, sent as one path segment (`%2F`).
        name: `deploy / ${region}`,
        offsetMs: 1500 + i * 200,
        jobs: [{ name: `deploy-${region}`, kind: 'deploy' as const, contexts: ['production'] }],
      })),
    };
  }
  if (k === 33) {
    return {
      ...base,
      noVcs: true,
      trigger: 'api',
      workflows: [{ name: 'build-and-test', jobs: ci() }],
    };
  }
  if (k === 40) {
    return {
      ...base,
      workflows: [
        {
          name: 'build-and-test',
          jobs: ci({ test: { outcome: 'failed', failure: FLAKY_FAILURE } }),
        },
        { name: 'build-and-test', jobs: ci(), rerun: true, offsetMs: min(6) },
      ],
    };
  }
  if (k === 27) {
    return {
      ...base,
      workflows: [{ name: 'build-and-test', jobs: ci({ test: { outcome: 'timedout' } }) }],
    };
  }
  if (k % 7 === 3) {
    return {
      ...base,
      workflows: [
        { name: 'build-and-test', jobs: ci({ test: { outcome: 'failed', failure: OLD_FAILURE } }) },
      ],
    };
  }
  if (k % 5 === 0 && branch === 'main') {
    return {
      ...base,
      workflows: [{ name: 'build-test-deploy', jobs: deployJobs({ approvedAfterMs: min(8) }) }],
    };
  }
  return { ...base, workflows: [{ name: 'build-and-test', jobs: ci() }] };
}
