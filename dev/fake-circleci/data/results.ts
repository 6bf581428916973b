/*
 * Test results and artifacts of the demo jobs.
 */

import type { SpecArtifact, SpecTestResult } from '../spec/schemas';
import type { FailureModel } from '../sim/model';
import type { JobKind } from './templates';

const TEST_FILES = [
  {
    file: 'src/rocket.test.ts',
    classname: 'rocket',
    names: ['launches', 'computes the answer', 'aborts on low fuel'],
  },
  {
    file: 'src/engine/thrust.test.ts',
    classname: 'engine › thrust',
    names: ['ramps up', 'caps at 100%', 'throttles down'],
  },
  {
    file: 'src/engine/fuel.test.ts',
    classname: 'engine › fuel',
    names: ['tracks consumption', 'warns below 10%'],
  },
  {
    file: 'src/ui/Dashboard.test.tsx',
    classname: 'Dashboard',
    names: ['renders', 'shows telemetry', 'handles offline mode', 'is accessible'],
  },
];

/** The failure of the demo's "failing job" (the clearest failing log line). */
export const ROCKET_FAILURE: FailureModel = {
  file: 'src/rocket.test.ts',
  testName: 'rocket › computes the answer',
  error: 'Error: expected 42 but got 41',
};

/**
 * Test results of a `test`/`matrix` job: 12 tests, 2 skipped, and the
 * failure (if any) reported as a `failure`.
 */
export function testsFor(options: {
  failure?: FailureModel;
  runTime: (i: number) => number;
}): SpecTestResult[] {
  const out: SpecTestResult[] = [];
  let i = 0;
  for (const group of TEST_FILES) {
    for (const name of group.names) {
      const fullName = `${group.classname} › ${name}`;
      const failed = options.failure?.testName === fullName;
      const skipped = name === 'is accessible' || name === 'throttles down';
      let result = 'success';
      if (failed) result = 'failure';
      else if (skipped) result = 'skipped';
      out.push({
        message: failed
          ? `${options.failure?.error}\n    at Object.<anonymous> (${group.file}:12:21)`
          : '',
        source: 'jest',
        run_time: skipped ? 0 : options.runTime(i),
        file: group.file,
        result,
        name: fullName,
        classname: group.classname,
      });
      i++;
    }
  }
  const failure = options.failure;
  if (failure && !out.some(t => t.result === 'failure')) {
    out.push({
      message: failure.error,
      source: 'jest',
      run_time: options.runTime(i),
      file: failure.file,
      result: 'failure',
      name: failure.testName,
      classname: failure.testName.split(' › ')[0],
    });
  }
  return out;
}

/** Test results of one container of a sharded job (15 tests per container). */
export function shardTestsFor(options: {
  parallelism: number;
  failingContainers: number[];
  failure?: FailureModel;
  runTime: (i: number) => number;
}): SpecTestResult[] {
  const out: SpecTestResult[] = [];
  for (let node = 0; node < options.parallelism; node++) {
    for (let j = 0; j < 15; j++) {
      const file = `src/modules/module-${String(node).padStart(2, '0')}.test.ts`;
      const failed = j === 7 && options.failingContainers.includes(node);
      let result = 'success';
      if (failed) result = 'failure';
      else if (j === 14) result = 'skipped';
      out.push({
        message: failed && options.failure ? options.failure.error : '',
        source: 'jest',
        run_time: options.runTime(node * 15 + j),
        file,
        result,
        name: `module ${node} › case ${j + 1}`,
        classname: `module ${node}`,
      });
    }
  }
  return out;
}

/** The `javascript:` url of the hostile artifact (it must never become a live link). */
// eslint-disable-next-line no-script-url -- deliberately hostile demo data
export const HOSTILE_ARTIFACT_URL = 'javascript:alert(document.domain)';

/** Artifacts of a job; `hostile` adds a `javascript:` link for hostile-content tests. */
export function artifactsFor(options: {
  kind: JobKind;
  jobId: string;
  parallelism: number;
  hostile: boolean;
}): SpecArtifact[] {
  const base = `https://output.circle-artifacts.com/output/job/${options.jobId}/artifacts`;
  const at = (path: string, node = 0): SpecArtifact => ({
    path,
    node_index: node,
    url: `${base}/${node}/${path}`,
  });
  const out: SpecArtifact[] = [];
  if (options.kind === 'test' || options.kind === 'matrix') {
    out.push(
      at('coverage/lcov-report/index.html'),
      at('coverage/lcov.info'),
      at('reports/junit.xml'),
    );
  } else if (options.kind === 'shard') {
    for (let node = 0; node < options.parallelism; node++) {
      out.push(at(`reports/junit-${node}.xml`, node));
    }
  } else if (options.kind === 'e2e') {
    out.push(at('playwright-report/index.html'), at('playwright-report/trace.zip'));
  } else if (options.kind === 'build') {
    out.push(at('dist/stats.html'));
  }
  if (options.hostile) {
    out.push(
      { path: 'hostile/javascript-url.html', node_index: 0, url: HOSTILE_ARTIFACT_URL },
      at('hostile/<img src=x onerror=alert(1)>.html'),
    );
  }
  return out;
}
