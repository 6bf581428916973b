/*
 * The types of the Insights API's answers (`GET /v2/insights/...`): plain
 * interfaces, each the output of its schema in ./schemas/insights, which
 * ./types.check.ts makes the compiler prove. CircleCI computes these figures
 * on a schedule and partial answers happen, so every figure is optional: a
 * figure that is missing, null, not a number or not finite is `undefined`.
 */

/**
 * Duration percentiles of a workflow or job, in seconds.
 * @public
 */
export interface DurationMetrics {
  /** Shortest. */
  min?: number;
  /** Mean. */
  mean?: number;
  /** Median (p50). */
  median?: number;
  /** 95th percentile. */
  p95?: number;
  /** Longest. */
  max?: number;
  /** Standard deviation. */
  standard_deviation?: number;
}

/**
 * The figures of a job's runs in a reporting window; a workflow's figures
 * ({@link WorkflowRunMetrics}, {@link WorkflowSummaryMetrics}) add to them.
 * @public
 */
export interface RunMetrics {
  /** Runs in the window. */
  total_runs?: number;
  /** Successful runs. */
  successful_runs?: number;
  /** Failed runs. */
  failed_runs?: number;
  /** Share of successful runs, from 0 to 1. */
  success_rate?: number;
  /** Runs per day. */
  throughput?: number;
  /** Credits used. */
  total_credits_used?: number;
  /** Duration percentiles, in seconds. */
  duration_metrics: DurationMetrics;
}

/**
 * The figures of a workflow's runs in a reporting window.
 * @public
 */
export interface WorkflowRunMetrics extends RunMetrics {
  /** Mean time to recovery, in seconds. */
  mttr?: number;
  /** Recoveries (a success after a failure). */
  total_recoveries?: number;
}

/**
 * The metrics of one workflow in a reporting window
 * (`GET /v2/insights/{slug}/workflows`).
 * @public
 */
export interface WorkflowMetrics {
  /** The workflow's name. */
  name: string;
  /** Its figures. */
  metrics: WorkflowRunMetrics;
  /** Start of the window the figures cover. */
  window_start?: string | null;
  /** End of the window the figures cover (when CircleCI last computed them). */
  window_end?: string | null;
  /** The project's UUID. */
  project_id?: string | null;
}

/**
 * The metrics of one job of a workflow in a reporting window
 * (`GET /v2/insights/{slug}/workflows/{name}/jobs`).
 * @public
 */
export interface JobMetrics {
  /** The job's name. */
  name: string;
  /** Its figures. */
  metrics: RunMetrics;
  /** Start of the window. */
  window_start?: string | null;
  /** End of the window. */
  window_end?: string | null;
}

/**
 * One recent run of a workflow, as Insights lists it
 * (`GET /v2/insights/{slug}/workflows/{name}`).
 * @public
 */
export interface WorkflowRun {
  /** The workflow's UUID. */
  id: string;
  /** The branch. */
  branch?: string | null;
  /** Duration in seconds. */
  duration?: number;
  /** When it was created. */
  created_at: string;
  /** When it stopped. */
  stopped_at?: string | null;
  /** Credits used. */
  credits_used?: number;
  /** `success`, `failed`, `error`, `canceled`, `unauthorized`, or a later addition. */
  status?: string | null;
  /** Whether it is waiting for an approval. */
  is_approval?: boolean | null;
}

/**
 * The figures of a workflow's current window, in its {@link WorkflowSummary}.
 * @public
 */
export interface WorkflowSummaryMetrics extends RunMetrics {
  /** Mean time to recovery, in seconds. */
  mttr?: number;
  /** Completed runs. */
  completed_runs?: number;
  /** Start of the window. */
  window_start?: string | null;
  /** End of the window. */
  window_end?: string | null;
}

/**
 * Changes of a workflow's figures against the previous window, as ratios
 * (0.1 = 10 % more); a missing trend is `undefined`.
 * @public
 */
export interface WorkflowSummaryTrends {
  /** Change in runs. */
  total_runs?: number;
  /** Change in failed runs. */
  failed_runs?: number;
  /** Change in the success rate. */
  success_rate?: number;
  /** Change in the 95th percentile duration. */
  p95_duration_secs?: number;
  /** Change in the median duration. */
  median_duration_secs?: number;
  /** Change in credits used. */
  total_credits_used?: number;
  /** Change in the mean time to recovery. */
  mttr?: number;
  /** Change in runs per day. */
  throughput?: number;
}

/**
 * A workflow's summary with its trends against the previous window
 * (`GET /v2/insights/{slug}/workflows/{name}/summary`).
 * @public
 */
export interface WorkflowSummary {
  /** The figures of the current window. */
  metrics: WorkflowSummaryMetrics;
  /** Changes against the previous window. */
  trends: WorkflowSummaryTrends;
  /** The project's workflow names. */
  workflow_names?: string[] | null;
}

/**
 * One flaky test of a project. CircleCI answers with snake_case keys or the
 * spec's hyphenated ones; the client always returns the hyphenated ones.
 * @public
 */
export interface FlakyTest {
  /** The test's name. */
  'test-name': string;
  /** Its class name. */
  classname?: string | null;
  /** Its file. */
  file?: string | null;
  /** The job it ran in. */
  'job-name': string;
  /** The job's number of its last flake. */
  'job-number'?: number;
  /** The workflow's name. */
  'workflow-name': string;
  /** The workflow's UUID of its last flake. */
  'workflow-id'?: string | null;
  /** When that workflow was created: the last flake. */
  'workflow-created-at'?: string | null;
  /** The pipeline's number of its last flake. */
  'pipeline-number'?: number;
  /** How often it flaked. */
  'times-flaked'?: number;
  /** Seconds wasted on reruns. */
  'time-wasted'?: number;
}

/**
 * The flaky tests of a project (`GET /v2/insights/{slug}/flaky-tests`),
 * with the spec's hyphenated keys whichever spelling CircleCI sent.
 * @public
 */
export interface FlakyTests {
  /** The tests. */
  'flaky-tests': FlakyTest[];
  /** How many there are. */
  'total-flaky-tests'?: number;
}

/**
 * One test in a workflow's test metrics.
 * @public
 */
export interface TestMetric {
  /** The test's name. */
  test_name: string;
  /** Its class name. */
  classname?: string | null;
  /** Its file. */
  file?: string | null;
  /** The job it ran in. */
  job_name: string;
  /** 95th percentile duration, in seconds. */
  p95_duration?: number;
  /** Runs. */
  total_runs?: number;
  /** Failed runs. */
  failed_runs?: number;
  /** Whether CircleCI found it flaky. */
  flaky?: boolean | null;
}

/**
 * A workflow's test metrics: the most failed and the slowest tests
 * (`GET /v2/insights/{slug}/workflows/{name}/test-metrics`).
 * @public
 */
export interface TestMetrics {
  /** Tests per run, on average. */
  average_test_count?: number;
  /** Test runs in the window. */
  total_test_runs?: number;
  /** The most failed tests. */
  most_failed_tests?: TestMetric[] | null;
  /** The slowest tests. */
  slowest_tests?: TestMetric[] | null;
}

/**
 * An Insights reporting window.
 * @public
 */
export type ReportingWindow =
  | 'last-24-hours'
  | 'last-7-days'
  | 'last-30-days'
  | 'last-60-days'
  | 'last-90-days';
