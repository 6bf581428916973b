/*
 * Step logs (`GET /private/output/raw/...`): plain text with ANSI colours,
 * generated deterministically from the job and step. The huge log is in
 * `huge-log.ts`.
 */

import type { JobModel, ProjectModel } from '../sim/model';
import type { JobRef } from '../sim/state';
import type { StepRun } from '../sim/steps';
import { HUGE_LOG_LINES, hugeLog } from './huge-log';

const C = {
  red: (s: string) => `\x1b[31m${s}\x1b[39m`,
  green: (s: string) => `\x1b[32m${s}\x1b[39m`,
  yellow: (s: string) => `\x1b[33m${s}\x1b[39m`,
  bold: (s: string) => `\x1b[1m${s}\x1b[22m`,
  dim: (s: string) => `\x1b[2m${s}\x1b[22m`,
};

export {
  HUGE_LOG_LINES,
  MAX_HUGE_LOG_LINES,
  MIN_HUGE_LOG_LINES,
  hugeLog,
  isHugeLogLines,
} from './huge-log';

function envLines(options: { ref: JobRef; container: number }): string[] {
  const { project, pipeline, workflow, job } = options.ref;
  return [
    'Using build environment variables:',
    `  BASH_ENV=/tmp/.bash_env-${job.id.slice(0, 8)}`,
    '  CI=true',
    '  CIRCLECI=true',
    `  CIRCLE_BRANCH=${pipeline.vcs?.branch ?? ''}`,
    `  CIRCLE_BUILD_NUM=${job.number}`,
    `  CIRCLE_BUILD_URL=https://circleci.com/${project.vcs}/${project.org}/${project.repo}/${job.number}`,
    `  CIRCLE_JOB=${job.name}`,
    `  CIRCLE_NODE_INDEX=${options.container}`,
    `  CIRCLE_NODE_TOTAL=${job.parallelism}`,
    `  CIRCLE_PIPELINE_ID=${pipeline.id}`,
    `  CIRCLE_PROJECT_REPONAME=${project.repo}`,
    `  CIRCLE_PROJECT_USERNAME=${project.org}`,
    `  CIRCLE_SHA1=${pipeline.vcs?.revision ?? ''}`,
    `  CIRCLE_TAG=${pipeline.vcs?.tag ?? ''}`,
    `  CIRCLE_USERNAME=${pipeline.actor.login}`,
    `  CIRCLE_WORKFLOW_ID=${workflow.id}`,
    '',
    'Using environment variables from project settings and/or contexts:',
    '  NPM_TOKEN=**REDACTED**',
  ];
}

function testLines(options: {
  job: JobModel;
  project: ProjectModel;
  container: number;
  failing: boolean;
}): string[] {
  const { job, container, failing } = options;
  const failure = failing ? job.failure : undefined;
  const files = [
    ...new Set(
      job.tests
        .filter((_, i) => job.parallelism === 1 || Math.floor(i / 15) === container)
        .map(t => t.file ?? ''),
    ),
  ];
  const lines = [
    `> ${options.project.repo}@1.2.0 test`,
    '> jest --ci --reporters=default --reporters=jest-junit',
    '',
  ];
  for (const file of files) {
    if (file !== failure?.file)
      lines.push(
        `${C.bold(C.green('PASS'))} ${file} ${C.dim(`(${(file.length % 7) + 1}.${file.length % 10} s)`)}`,
      );
  }
  if (failure) {
    lines.push(
      C.red(`FAIL ${failure.file}`),
      `  ${C.bold(C.red(`● ${failure.testName}`))}`,
      '',
      C.red(`    ${failure.error}`),
      '',
      "      10 |   it('computes the answer', () => {",
      '      11 |     const answer = computeAnswer();',
      `    ${C.red(C.bold('>'))} 12 |     expect(answer).toBe(42);`,
      '         |                    ^',
      '      13 |   });',
      '',
      `      at Object.<anonymous> (${failure.file}:12:20)`,
      '',
    );
  }
  const total = job.parallelism === 1 ? job.tests.length : 15;
  const failed = failure ? 1 : 0;
  lines.push(
    `${C.bold('Tests:')}       ${failed ? `${C.bold(C.red(`${failed} failed`))}, ` : ''}${C.bold(C.green(`${total - failed} passed`))}, ${total} total`,
    'Snapshots:   0 total',
    `Time:        ${(12 + container).toFixed(3)} s`,
    'Ran all test suites.',
  );
  return lines;
}

function bodyLines(options: { ref: JobRef; run: StepRun; failing: boolean }): string[] {
  const { ref, run, failing } = options;
  const { project, pipeline, job } = ref;
  const sha = pipeline.vcs?.revision ?? '0000000';
  switch (run.step.log) {
    case 'spinup':
      return [
        'Build-agent version 1.0.248797-3cb9ef2a (2024-05-14T16:30:05+0000)',
        'Creating a dedicated VM with cimg/node:20.11 image',
        `  using image cimg/node@sha256:${sha.slice(0, 12)}${'0'.repeat(52)}`,
        C.yellow(
          'Warning: No authentication provided, using CircleCI credentials for pulls from Docker Hub.',
        ),
        '  pull stats: download 182.2MiB in 3.1s (58.77MiB/s), extract 182.2MiB in 6.2s (29.38MiB/s)',
        job.outcome === 'infrastructure_fail' && failing
          ? C.red('Error: failed to create host: no capacity available for resource class medium')
          : 'Spin up environment complete',
      ];
    case 'env':
      return envLines({ ref, container: run.container });
    case 'checkout':
      return [
        'Making checkout directory "~/project"',
        'Cloning git repository',
        "Cloning into '.'...",
        `Checking out ${pipeline.vcs?.tag ? 'tag' : 'branch'}`,
        `HEAD is now at ${sha.slice(0, 7)} ${pipeline.vcs?.commit.subject ?? ''}`,
      ];
    case 'cache':
      return [
        `Found a cache from build ${(job.number ?? 1) - 7} at v1-deps-${sha.slice(0, 12)}`,
        'Size: 212 MiB',
        'Cached paths:',
        '  * /home/circleci/.npm',
        '',
        'Downloading cache archive...',
        'Unarchiving cache...',
      ];
    case 'install':
      return [
        `npm ${C.yellow('WARN')} deprecated inflight@1.0.6: This module is not supported, and leaks memory.`,
        '',
        'added 1432 packages, and audited 1433 packages in 23s',
        '',
        `${C.bold('214')} packages are looking for funding`,
        '  run `npm fund` for details',
        '',
        `found ${C.bold(C.green('0'))} vulnerabilities`,
      ];
    case 'lint':
      return failing
        ? [
            '> eslint . --max-warnings=0',
            '',
            '/home/circleci/project/src/engine/thrust.ts',
            `  ${C.dim('12:7')}  ${C.red('error')}  'fuel' is assigned a value but never used  ${C.dim('no-unused-vars')}`,
            '',
            C.red(C.bold('✖ 1 problem (1 error, 0 warnings)')),
          ]
        : ['> eslint . --max-warnings=0', '', C.green('✔ No problems found')];
    case 'tests':
    case 'shard':
      return testLines({ job, project, container: run.container, failing });
    case 'build':
      return [
        '> tsc && vite build',
        '',
        'vite v5.4.2 building for production...',
        `${C.green('✓')} 812 modules transformed.`,
        `dist/index.html                  ${C.dim('0.46 kB │ gzip:  0.30 kB')}`,
        `dist/assets/index-${sha.slice(0, 8)}.js   ${C.dim('412.77 kB │ gzip: 131.02 kB')}`,
        C.green('✓ built in 14.21s'),
      ];
    case 'attach':
      return [
        'Downloading workspace layers',
        `  workflows/workspaces/${ref.workflow.id}/0/${job.id}/0/112.tar.gz - 9.1 MB`,
        'Applying workspace layers',
      ];
    case 'deploy':
      return [
        `Deploying ${project.repo}@${sha.slice(0, 7)}`,
        '  uploading bundle ... done',
        '  switching traffic ... done',
        C.green('Deployed.'),
      ];
    case 'upload-tests':
      return [
        'Archiving the following test results',
        '  * /home/circleci/project/reports/junit.xml',
        '',
        'Uploaded',
      ];
    case 'upload-artifacts':
      return [
        'Uploading /home/circleci/project/coverage to coverage',
        '  Uploading /home/circleci/project/coverage/lcov.info (41 kB): DONE',
      ];
    default:
      return [`> ${run.step.command ?? run.step.name}`, '', C.green('Done.')];
  }
}

/**
 * The raw log of one step on one container (`''` when it has no output);
 * the huge step has `hugeLogLines` lines (default `HUGE_LOG_LINES`).
 */
export function renderStepLog(options: {
  ref: JobRef;
  run: StepRun;
  hugeLogLines?: number;
}): string {
  const { ref, run } = options;
  if (!run.step.hasOutput) return '';
  const failing = run.failed || run.timedout;
  if (run.step.log === 'huge') {
    const text = hugeLog(ref.job.id, options.hugeLogLines ?? HUGE_LOG_LINES);
    return run.progress >= 1 ? text : text.slice(0, Math.floor(text.length * run.progress));
  }
  let lines = bodyLines({ ref, run, failing });
  if (run.progress < 1) lines = lines.slice(0, Math.ceil(lines.length * run.progress));
  if (run.timedout)
    lines.push('', C.red('Too long with no output (exceeded 10m0s): context deadline exceeded'));
  else if (run.exitCode === 1) lines.push('', 'Exited with code exit status 1');
  return `${lines.join('\n')}\n`;
}
