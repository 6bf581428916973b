/*
 * Step logs (`GET /private/output/raw/...`): plain text with ANSI colours,
 * generated deterministically from the job and step. The huge log (200,000
 * lines, about 20 MB) is generated once per job id and cached.
 */

import type { JobModel, ProjectModel } from './model';
import type { JobRef } from './state';
import type { StepRun } from './steps';

const C = {
  red: (s: string) => `\x1b[31m${s}\x1b[39m`,
  green: (s: string) => `\x1b[32m${s}\x1b[39m`,
  yellow: (s: string) => `\x1b[33m${s}\x1b[39m`,
  bold: (s: string) => `\x1b[1m${s}\x1b[22m`,
  dim: (s: string) => `\x1b[2m${s}\x1b[22m`,
};

/** Number of lines of the huge log. */
export const HUGE_LOG_LINES = 200_000;

const hugeCache = new Map<string, string>();

/** The huge log of the `e2e` job (cached per job id; at most two are kept). */
export function hugeLog(jobId: string): string {
  const cached = hugeCache.get(jobId);
  if (cached !== undefined) return cached;
  const lines: string[] = [`Running ${HUGE_LOG_LINES} tests using 4 workers`, ''];
  let x = 0;
  for (const ch of jobId) x = (x * 31 + ch.charCodeAt(0)) >>> 0;
  for (let i = 1; i <= HUGE_LOG_LINES - 4; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const suite = String((x >>> 8) % 97).padStart(2, '0');
    const ms = (x >>> 16) % 900;
    lines.push(
      `  ${C.green('✓')} ${String(i).padStart(6, ' ')} [chromium] › e2e/suite-${suite}.spec.ts:${(x >>> 4) % 400}:5 › launch pad › scenario ${i} ${C.dim(`(${ms}ms)`)}`,
    );
  }
  lines.push('', C.green(`  ${HUGE_LOG_LINES - 4} passed (41.2m)`));
  const text = `${lines.join('\n')}\n`;
  if (hugeCache.size >= 2) hugeCache.delete(hugeCache.keys().next().value as string);
  hugeCache.set(jobId, text);
  return text;
}

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

/** The raw log of one step on one container (`''` when it has no output). */
export function renderStepLog(options: { ref: JobRef; run: StepRun }): string {
  const { ref, run } = options;
  if (!run.step.hasOutput) return '';
  const failing = run.failed || run.timedout;
  if (run.step.log === 'huge') {
    const text = hugeLog(ref.job.id);
    return run.progress >= 1 ? text : text.slice(0, Math.floor(text.length * run.progress));
  }
  let lines = bodyLines({ ref, run, failing });
  if (run.progress < 1) lines = lines.slice(0, Math.ceil(lines.length * run.progress));
  if (run.timedout)
    lines.push('', C.red('Too long with no output (exceeded 10m0s): context deadline exceeded'));
  else if (run.exitCode === 1) lines.push('', 'Exited with code exit status 1');
  return `${lines.join('\n')}\n`;
}
