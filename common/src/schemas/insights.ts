/*
 * The Insights API (`GET v2/insights/...`). CircleCI computes these figures
 * on a schedule, and partial answers happen (a workflow with no finished
 * run has no durations): every figure is optional, and a figure that is
 * missing, null, not a number or not finite reads as `undefined`, so the
 * UI shows "—" and never NaN. Names, lists and ids stay checked.
 */
import { z } from 'zod';
import { optStr, str } from './fields';

/** A figure: a finite number, or `undefined` for anything else. */
const fig = z
  .unknown()
  .transform((v): number | undefined =>
    typeof v === 'number' && Number.isFinite(v) ? v : undefined,
  )
  .optional();

/** An object that may be missing or malformed: read as `{}` then. */
function lenientObject<T extends z.ZodRawShape>(shape: T) {
  return z.preprocess(v => (v !== null && typeof v === 'object' ? v : {}), z.object(shape));
}

/**
 * Duration percentiles in seconds.
 * @public
 */
export const durationMetricsSchema = lenientObject({
  /** Shortest. */
  min: fig,
  /** Mean. */
  mean: fig,
  /** Median (p50). */
  median: fig,
  /** 95th percentile. */
  p95: fig,
  /** Longest. */
  max: fig,
  /** Standard deviation. */
  standard_deviation: fig,
});

const runCounts = {
  /** Runs in the window. */
  total_runs: fig,
  /** Successful runs. */
  successful_runs: fig,
  /** Failed runs. */
  failed_runs: fig,
  /** Share of successful runs, from 0 to 1. */
  success_rate: fig,
  /** Runs per day. */
  throughput: fig,
  /** Credits used. */
  total_credits_used: fig,
  /** Duration percentiles, in seconds. */
  duration_metrics: durationMetricsSchema,
};

/**
 * The metrics of one workflow in a reporting window.
 * @public
 */
export const workflowMetricsSchema = z.object({
  /** The workflow's name. */
  name: str,
  /** Its figures. */
  metrics: lenientObject({
    ...runCounts,
    /** Mean time to recovery, in seconds. */
    mttr: fig,
    /** Recoveries (a success after a failure). */
    total_recoveries: fig,
  }),
  /** Start of the window the figures cover. */
  window_start: optStr,
  /** End of the window the figures cover (when CircleCI last computed them). */
  window_end: optStr,
  /** The project's UUID. */
  project_id: optStr,
});

/**
 * The metrics of one job of a workflow.
 * @public
 */
export const jobMetricsSchema = z.object({
  /** The job's name. */
  name: str,
  /** Its figures. */
  metrics: lenientObject(runCounts),
  /** Start of the window. */
  window_start: optStr,
  /** End of the window. */
  window_end: optStr,
});

/**
 * One recent run of a workflow (`GET v2/insights/{slug}/workflows/{name}`).
 * @public
 */
export const workflowRunSchema = z.object({
  /** The workflow's UUID. */
  id: str,
  /** The branch. */
  branch: optStr,
  /** Duration in seconds. */
  duration: fig,
  /** When it was created. */
  created_at: str,
  /** When it stopped. */
  stopped_at: optStr,
  /** Credits used. */
  credits_used: fig,
  /** `success`, `failed`, `error`, `canceled`, `unauthorized`, or a later addition. */
  status: optStr,
  /** Whether it is waiting for an approval. */
  is_approval: z.boolean().nullish(),
});

/**
 * The summary of a workflow with its trends (`.../summary`).
 * @public
 */
export const workflowSummarySchema = z.object({
  /** The figures of the current window. */
  metrics: lenientObject({
    ...runCounts,
    /** Mean time to recovery, in seconds. */
    mttr: fig,
    /** Completed runs. */
    completed_runs: fig,
    /** Start of the window. */
    window_start: optStr,
    /** End of the window. */
    window_end: optStr,
  }),
  /**
   * Changes against the previous window, as ratios (0.1 = 10 % more);
   * a missing trend is `undefined`.
   */
  trends: lenientObject({
    total_runs: fig,
    failed_runs: fig,
    success_rate: fig,
    p95_duration_secs: fig,
    median_duration_secs: fig,
    total_credits_used: fig,
    mttr: fig,
    throughput: fig,
  }),
  /** The project's workflow names. */
  workflow_names: z.array(str).nullish(),
});

/**
 * Real CircleCI answers `flaky-tests` with snake_case keys (`flaky_tests`,
 * `total_flaky_tests`, `job_number`, ...), while its published spec says
 * `flaky-tests`, `total-flaky-tests`, `job-number`. Both are read: a
 * snake_case key stands for its hyphenated spelling when that one is
 * missing, so the parsed value always has the spec's keys.
 */
function hyphenKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const [key, v] of Object.entries(value)) {
    const hyphenated = key.replace(/_/g, '-');
    if (hyphenated !== key && !(hyphenated in out)) out[hyphenated] = v;
  }
  return out;
}

/**
 * One flaky test (`GET v2/insights/{slug}/flaky-tests`), read from the
 * spec's hyphenated keys or real CircleCI's snake_case ones.
 * @public
 */
export const flakyTestSchema = z.preprocess(hyphenKeys, z.object({
  /** The test's name. */
  'test-name': str,
  /** Its class name. */
  classname: optStr,
  /** Its file. */
  file: optStr,
  /** The job it ran in. */
  'job-name': str,
  /** The job's number of its last flake. */
  'job-number': fig,
  /** The workflow's name. */
  'workflow-name': str,
  /** The workflow's UUID of its last flake. */
  'workflow-id': optStr,
  /** When that workflow was created: the last flake. */
  'workflow-created-at': optStr,
  /** The pipeline's number of its last flake. */
  'pipeline-number': fig,
  /** How often it flaked. */
  'times-flaked': fig,
  /** Seconds wasted on reruns. */
  'time-wasted': fig,
}));

/**
 * The flaky tests of a project, read from either spelling (see
 * {@link flakyTestSchema}).
 * @public
 */
export const flakyTestsSchema = z.preprocess(hyphenKeys, z.object({
  /** The tests. */
  'flaky-tests': z.array(flakyTestSchema),
  /** How many there are. */
  'total-flaky-tests': fig,
}));

/**
 * One test in the test metrics of a workflow.
 * @public
 */
export const testMetricSchema = z.object({
  /** The test's name. */
  test_name: str,
  /** Its class name. */
  classname: optStr,
  /** Its file. */
  file: optStr,
  /** The job it ran in. */
  job_name: str,
  /** 95th percentile duration, in seconds. */
  p95_duration: fig,
  /** Runs. */
  total_runs: fig,
  /** Failed runs. */
  failed_runs: fig,
  /** Whether CircleCI found it flaky. */
  flaky: z.boolean().nullish(),
});

/**
 * The test metrics of a workflow (`.../test-metrics`).
 * @public
 */
export const testMetricsSchema = z.object({
  /** Tests per run, on average. */
  average_test_count: fig,
  /** Test runs in the window. */
  total_test_runs: fig,
  /** The most failed tests. */
  most_failed_tests: z.array(testMetricSchema).nullish(),
  /** The slowest tests. */
  slowest_tests: z.array(testMetricSchema).nullish(),
});

/**
 * The branches Insights knows for a project (`GET v2/insights/{slug}/branches`).
 * @public
 */
export const insightsBranchesSchema = z.object({
  /** The branch names. */
  branches: z.array(str),
});
