/*
 * The Insights routes (`v2/insights/:vcs/:org/:repo/...`), answered from
 * `sim/insights.ts`. Decisions: without `branch` and `all-branches` the
 * default branch counts; the summary compares the last 24 hours with the
 * 24 hours before (the demo history spans about a day and a half), and its
 * trends are ratios (`(now - before) / before`, 0 when before is 0); durations
 * count successful runs only; every list is one page. The workflow name is
 * one whole path segment (`{name}`), so `%2F` in it stays in the name.
 */

import type {
  FlakyTestsBody,
  SpecInsightsBranches,
  SpecJobMetricsPage,
  SpecTestMetrics,
  SpecWorkflowMetricsPage,
  SpecWorkflowRunsPage,
  SpecWorkflowSummary,
} from '../spec/schemas';
import {
  DAY_MS,
  finishedRuns,
  flakes,
  jobCredits,
  percentile,
  runMetrics,
  tallyTests,
  windowDays,
  durationMetrics,
  type FinishedRun,
} from '../sim/insights';
import { isoSeconds } from '../sim/timeline';
import { json, project, projectNotFound, type Handler, type RouteContext } from './respond';
import type { ProjectModel } from '../sim/model';

type Add = (method: string, pattern: string, handler: Handler) => void;

const BASE = 'v2/insights/:vcs/:org/:repo';

function branchOf(ctx: RouteContext, proj: ProjectModel): string | undefined {
  if (ctx.query.get('all-branches') === 'true') return undefined;
  return ctx.query.get('branch') ?? proj.defaultBranch;
}

function workflowNames(proj: ProjectModel): string[] {
  return [...new Set(proj.pipelines.flatMap(p => p.workflows.map(w => w.name)))].sort();
}

const ratio = (now: number | null, before: number | null): number =>
  now === null || before === null || before === 0 ? 0 : (now - before) / before;

/** Adds the Insights routes. */
export function addInsightsRoutes(add: Add): void {
  add('GET', `${BASE}/workflows`, (ctx, p) => {
    const proj = project(ctx, p);
    if (!proj) return projectNotFound();
    const days = windowDays(ctx.query.get('reporting-window'));
    if (days === undefined) return json(400, { message: 'Invalid reporting-window.' });
    const branch = branchOf(ctx, proj);
    const from = ctx.t - days * DAY_MS;
    const runs = finishedRuns({ project: proj, branch, from, to: ctx.t, t: ctx.t });
    const names = [...new Set(runs.map(r => r.workflow.name))].sort();
    const body: SpecWorkflowMetricsPage = {
      items: names.map(name => ({
        name,
        project_id: proj.id,
        window_start: isoSeconds(from),
        window_end: isoSeconds(ctx.t),
        metrics: runMetrics(runs.filter(r => r.workflow.name === name), days),
      })),
      next_page_token: null,
    };
    return json(200, body);
  });

  add('GET', `${BASE}/workflows/{name}`, (ctx, p) => {
    const proj = project(ctx, p);
    if (!proj) return projectNotFound();
    const start = Date.parse(ctx.query.get('start-date') ?? '') || ctx.t - 90 * DAY_MS;
    const end = Date.parse(ctx.query.get('end-date') ?? '') || ctx.t;
    const runs = finishedRuns({
      project: proj,
      branch: branchOf(ctx, proj),
      workflowName: p.name,
      from: start,
      to: end + 1,
      t: ctx.t,
    });
    const body: SpecWorkflowRunsPage = {
      items: runs.reverse().map((r: FinishedRun) => ({
        id: r.workflow.id,
        branch: r.pipeline.vcs?.branch ?? '',
        duration: r.durationSec,
        created_at: isoSeconds(r.createdAt),
        stopped_at: isoSeconds(r.stoppedAt),
        credits_used: r.credits,
        status: r.status as SpecWorkflowRunsPage['items'][number]['status'],
        is_approval: r.workflow.jobs.some(j => j.type === 'approval'),
      })),
      next_page_token: null,
    };
    return json(200, body);
  });

  add('GET', `${BASE}/workflows/{name}/summary`, (ctx, p) => {
    const proj = project(ctx, p);
    if (!proj) return projectNotFound();
    const scope = { project: proj, branch: branchOf(ctx, proj), workflowName: p.name, t: ctx.t };
    const now = runMetrics(finishedRuns({ ...scope, from: ctx.t - DAY_MS, to: ctx.t }), 1);
    const before = runMetrics(
      finishedRuns({ ...scope, from: ctx.t - 2 * DAY_MS, to: ctx.t - DAY_MS }),
      1,
    );
    const body: SpecWorkflowSummary = {
      metrics: {
        total_runs: now.total_runs,
        successful_runs: now.successful_runs,
        failed_runs: now.failed_runs,
        success_rate: now.success_rate,
        throughput: now.throughput,
        mttr: now.mttr,
        total_credits_used: now.total_credits_used,
        duration_metrics: now.duration_metrics,
        completed_runs: now.total_runs,
        window_start: isoSeconds(ctx.t - DAY_MS),
        window_end: isoSeconds(ctx.t),
      },
      trends: {
        total_runs: ratio(now.total_runs, before.total_runs),
        failed_runs: ratio(now.failed_runs, before.failed_runs),
        success_rate: ratio(now.success_rate, before.success_rate),
        p95_duration_secs: ratio(now.duration_metrics.p95, before.duration_metrics.p95),
        median_duration_secs: ratio(now.duration_metrics.median, before.duration_metrics.median),
        total_credits_used: ratio(now.total_credits_used, before.total_credits_used),
        mttr: ratio(now.mttr, before.mttr),
        throughput: ratio(now.throughput, before.throughput),
      },
      workflow_names: workflowNames(proj),
    };
    return json(200, body);
  });

  add('GET', `${BASE}/workflows/{name}/jobs`, (ctx, p) => {
    const proj = project(ctx, p);
    if (!proj) return projectNotFound();
    const days = windowDays(ctx.query.get('reporting-window'));
    if (days === undefined) return json(400, { message: 'Invalid reporting-window.' });
    const from = ctx.t - days * DAY_MS;
    const runs = finishedRuns({
      project: proj,
      branch: branchOf(ctx, proj),
      workflowName: p.name,
      from,
      to: ctx.t,
      t: ctx.t,
    });
    const jobs = runs.flatMap(r => r.workflow.jobs.filter(j => j.type === 'build'));
    const names = [...new Set(jobs.map(j => j.name))].sort();
    const body: SpecJobMetricsPage = {
      items: names.map(name => {
        const mine = jobs.filter(j => j.name === name);
        const ok = mine.filter(j => j.outcome === 'success');
        return {
          name,
          window_start: isoSeconds(from),
          window_end: isoSeconds(ctx.t),
          metrics: {
            total_runs: mine.length,
            successful_runs: ok.length,
            failed_runs: mine.length - ok.length,
            success_rate: mine.length ? ok.length / mine.length : 0,
            throughput: mine.length / days,
            total_credits_used: mine.reduce((sum, j) => sum + jobCredits(j), 0),
            duration_metrics: durationMetrics(ok.map(j => Math.round(j.durationMs / 1000))),
          },
        };
      }),
      next_page_token: null,
    };
    return json(200, body);
  });

  add('GET', `${BASE}/workflows/{name}/test-metrics`, (ctx, p) => {
    const proj = project(ctx, p);
    if (!proj) return projectNotFound();
    const runs = finishedRuns({
      project: proj,
      branch: branchOf(ctx, proj),
      workflowName: p.name,
      from: ctx.t - 90 * DAY_MS,
      to: ctx.t,
      t: ctx.t,
    });
    const flaky = new Set(flakes(runs).map(f => f.job.failure?.testName));
    const tallies = tallyTests(runs).map(tally => ({
      test_name: tally.name,
      classname: tally.classname,
      file: tally.file,
      source: null,
      job_name: tally.job,
      total_runs: tally.runs,
      failed_runs: tally.failed,
      p95_duration: percentile(tally.durations, 95),
      flaky: flaky.has(tally.name),
    }));
    const mostFailed = tallies.filter(t => t.failed_runs > 0).sort((a, b) => b.failed_runs - a.failed_runs);
    const slowest = [...tallies].sort((a, b) => (b.p95_duration ?? 0) - (a.p95_duration ?? 0));
    const total = tallies.reduce((sum, t) => sum + t.total_runs, 0);
    const body: SpecTestMetrics = {
      average_test_count: runs.length ? Math.round(total / runs.length) : 0,
      total_test_runs: total,
      most_failed_tests: mostFailed.slice(0, 10),
      most_failed_tests_extra: Math.max(0, mostFailed.length - 10),
      slowest_tests: slowest.slice(0, 10),
      slowest_tests_extra: Math.max(0, slowest.length - 10),
      test_runs: [],
    };
    return json(200, body);
  });

  add('GET', `${BASE}/flaky-tests`, (ctx, p) => {
    const proj = project(ctx, p);
    if (!proj) return projectNotFound();
    const runs = finishedRuns({ project: proj, branch: undefined, from: 0, to: ctx.t, t: ctx.t });
    const byTest = new Map<string, ReturnType<typeof flakes>>();
    for (const flake of flakes(runs)) {
      const key = `${flake.job.name}\u0000${flake.job.failure?.testName}`;
      byTest.set(key, [...(byTest.get(key) ?? []), flake]);
    }
    // Snake_case keys, as real CircleCI answers (the spec says `flaky-tests`, `job-number`, ...).
    const tests: FlakyTestsBody['flaky_tests'] = [...byTest.values()].map(list => {
      const last = list[list.length - 1];
      return {
        test_name: last.job.failure?.testName ?? '',
        classname: last.job.failure?.file ?? null,
        file: last.job.failure?.file ?? null,
        source: null,
        job_name: last.job.name,
        job_number: last.job.number ?? 0,
        workflow_name: last.run.workflow.name,
        workflow_id: last.run.workflow.id,
        workflow_created_at: isoSeconds(last.run.createdAt),
        pipeline_number: last.run.pipeline.number,
        times_flaked: list.length,
        time_wasted: list.reduce((sum, f) => sum + Math.round(f.job.durationMs / 1000), 0),
      };
    });
    const body: FlakyTestsBody = { flaky_tests: tests, total_flaky_tests: tests.length };
    return json(200, body);
  });

  add('GET', `${BASE}/branches`, (ctx, p) => {
    const proj = project(ctx, p);
    if (!proj) return projectNotFound();
    const name = ctx.query.get('workflow-name');
    const branches = proj.pipelines
      .filter(pl => !name || pl.workflows.some(w => w.name === name))
      .map(pl => pl.vcs?.branch)
      .filter((b): b is string => typeof b === 'string');
    const body: SpecInsightsBranches = {
      org_id: proj.organizationId,
      project_id: proj.id,
      branches: [...new Set(branches)].sort(),
    };
    return json(200, body);
  });
}
