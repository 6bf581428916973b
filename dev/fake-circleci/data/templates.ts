/*
 * Job templates: the steps of each kind of demo job (tests and artifacts
 * are in `results.ts`).
 */

import type { LogKind, StepModel } from '../sim/model';

/** The kinds of demo jobs. */
export type JobKind =
  | 'lint'
  | 'test'
  | 'shard'
  | 'e2e'
  | 'build'
  | 'deploy'
  | 'matrix'
  | 'package'
  | 'publish'
  | 'setup'
  | 'audit';

/** Typical duration of each kind of job, in milliseconds. */
export const DEFAULT_DURATION_MS: Record<JobKind, number> = {
  lint: 55_000,
  test: 150_000,
  shard: 210_000,
  e2e: 420_000,
  build: 95_000,
  deploy: 60_000,
  matrix: 120_000,
  package: 70_000,
  publish: 45_000,
  setup: 20_000,
  audit: 35_000,
};

type StepInit = Partial<StepModel> & Pick<StepModel, 'number' | 'name' | 'log'>;

const step = (init: StepInit): StepModel => ({
  type: 'builtin',
  bashCommand: null,
  weight: 0.02,
  hasOutput: true,
  background: false,
  always: false,
  main: false,
  ...init,
});

const run = (options: {
  number: number;
  command: string;
  log: LogKind;
  weight: number;
  main?: boolean;
}): StepModel =>
  step({
    number: options.number,
    name: options.command,
    type: 'run',
    bashCommand: `#!/bin/bash -eo pipefail\n${options.command}`,
    command: options.command,
    weight: options.weight,
    main: options.main ?? false,
    log: options.log,
  });

const prelude = (): StepModel[] => [
  step({ number: 0, name: 'Spin up environment', log: 'spinup', weight: 0.06 }),
  step({ number: 99, name: 'Preparing environment variables', log: 'env', weight: 0.01 }),
  step({ number: 101, name: 'Checkout code', log: 'checkout', weight: 0.04 }),
];

const npmPrelude = (): StepModel[] => [
  ...prelude(),
  step({ number: 102, name: 'Restoring cache', log: 'cache', weight: 0.05 }),
  run({ number: 103, command: 'npm ci', log: 'install', weight: 0.16 }),
];

const uploadTests = (number: number): StepModel =>
  step({ number, name: 'Uploading test results', log: 'upload-tests', always: true });

const uploadArtifacts = (number: number): StepModel =>
  step({ number, name: 'Uploading artifacts', log: 'upload-artifacts', always: true });

/** The steps of a job of the given kind (step numbers as CircleCI numbers them). */
export function stepsFor(kind: JobKind): StepModel[] {
  const main = (command: string, log: LogKind, weight: number) =>
    run({ number: 104, command, log, weight, main: true });
  switch (kind) {
    case 'lint':
      return [...npmPrelude(), main('npm run lint', 'lint', 0.68)];
    case 'test':
    case 'matrix':
      return [
        ...npmPrelude(),
        main('npm test -- --ci --reporters=default --reporters=jest-junit', 'tests', 0.64),
        uploadTests(105),
        uploadArtifacts(106),
      ];
    case 'shard':
      return [
        ...npmPrelude(),
        main('npx jest --ci --shard=$((CIRCLE_NODE_INDEX + 1))/$CIRCLE_NODE_TOTAL', 'shard', 0.66),
        uploadTests(105),
      ];
    case 'e2e':
      return [
        ...npmPrelude(),
        main('npm run e2e -- --verbose', 'huge', 0.66),
        uploadArtifacts(105),
      ];
    case 'build':
      return [
        ...npmPrelude(),
        main('npm run build', 'build', 0.66),
        step({ number: 105, name: 'Persisting to Workspace', log: 'workspace', hasOutput: false }),
      ];
    case 'deploy':
    case 'publish':
      return [
        ...prelude(),
        step({ number: 102, name: 'Attaching Workspace', log: 'attach', weight: 0.07 }),
        run({
          number: 103,
          command:
            kind === 'deploy' ? './scripts/deploy.sh production' : 'npm publish --access public',
          log: 'deploy',
          weight: 0.82,
          main: true,
        }),
      ];
    case 'setup':
      return [
        step({ number: 0, name: 'Spin up environment', log: 'spinup', weight: 0.8, main: true }),
        step({ number: 99, name: 'Preparing environment variables', log: 'env', weight: 0.2 }),
      ];
    default:
      return [...npmPrelude(), main(`npm run ${kind}`, 'generic', 0.68)];
  }
}
