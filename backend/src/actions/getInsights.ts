/*
 * `circleci:get-insights`: CircleCI Insights for a project — per workflow
 * its success rate, p50 and p95 durations and trend, and the flaky tests —
 * read as the caller through the shared cache.
 */
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { RouteContext } from '../routes/context';
import { callerOf, projectOf, readJson } from './access';
import { named } from './errors';
import type { Zod } from './shapes';

/** The most workflows in one answer. */
export const MAX_INSIGHT_WORKFLOWS = 10;
/** The most workflows whose trend is read (one request each). */
export const MAX_TRENDS = 5;
/** The most flaky tests listed. */
export const MAX_FLAKY = 10;

const WINDOWS = ['last-24-hours', 'last-7-days', 'last-30-days', 'last-60-days', 'last-90-days'] as const;

const input = (z: Zod) =>
  z.object({
    entityRef: z.string().max(512).optional().describe('The catalog entity, e.g. component:default/rocket. Preferred.'),
    projectSlug: z.string().max(512).optional().describe('The project, e.g. gh/acme/rocket, when no entity is named.'),
    window: z.enum(WINDOWS).optional().describe('The reporting window (default last-30-days).'),
    branch: z.string().max(256).optional().describe('One branch (default: the project\'s default branch).'),
    allBranches: z.boolean().optional().describe('Every branch together.'),
    workflowName: z.string().max(256).optional().describe('Only this workflow.'),
  });

const figure = (z: Zod) => z.number().optional();

const output = (z: Zod) =>
  z.object({
    project: z.string(),
    window: z.string(),
    branch: z.string().describe('The branch, or "all branches", or "default branch".'),
    workflows: z.array(
      z.object({
        name: z.string(),
        runs: figure(z),
        successRate: figure(z).describe('From 0 to 1.'),
        p50Seconds: figure(z),
        p95Seconds: figure(z),
        runsPerDay: figure(z),
        trend: z
          .object({
            successRate: figure(z),
            p50Seconds: figure(z),
            p95Seconds: figure(z),
            runs: figure(z),
          })
          .optional()
          .describe('Change against the previous period as a ratio (0.1 = 10 % more), from CircleCI\'s workflow summary.'),
      }),
    ),
    workflowsOmitted: z.number(),
    flakyTests: z.object({
      total: figure(z),
      top: z.array(
        z.object({
          test: z.string(),
          classname: z.string().optional(),
          job: z.string(),
          workflow: z.string(),
          timesFlaked: figure(z),
        }),
      ),
    }),
  });

const defined = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Registers the action. */
export function registerGetInsights(options: { registry: ActionsRegistryService; context: RouteContext }): void {
  const { registry, context } = options;
  registry.register({
    name: 'get-insights',
    title: 'Get CircleCI insights',
    description:
      'CircleCI Insights of a catalog entity\'s project for a window: for each workflow its success rate (0-1), ' +
      'p50 and p95 duration in seconds and its trend, plus the flakiest tests. Use it to answer "is CI getting ' +
      'slower or flakier?". CircleCI computes these figures on a schedule, so they may lag by a few hours.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: { input, output },
    examples: [{ title: 'Main over 7 days', input: { entityRef: 'component:default/rocket', window: 'last-7-days', branch: 'main' } }],
    action: async ({ input: args, credentials: raw }) =>
      named(context.logger, async () => {
        const credentials = callerOf(raw);
        const { slug } = await projectOf({ context, credentials, ...args });
        const window = args.window ?? 'last-30-days';
        const scope = { branch: args.branch, allBranches: args.allBranches };
        const metrics = await readJson({
          context,
          credentials,
          name: 'getWorkflowMetrics',
          values: { projectSlug: slug, reportingWindow: window, ...scope },
          about: `the workflow metrics of ${slug.slug}`,
        });
        const all = metrics.items.filter(w => !args.workflowName || w.name === args.workflowName);
        const shown = all.slice(0, MAX_INSIGHT_WORKFLOWS);
        const workflows = await Promise.all(
          shown.map(async (w, i) => {
            let trend;
            if (i < MAX_TRENDS) {
              try {
                const summary = await readJson({
                  context,
                  credentials,
                  name: 'getWorkflowSummary',
                  values: { projectSlug: slug, workflowName: w.name, allBranches: args.allBranches, branches: args.branch ? [args.branch] : undefined },
                  about: `the summary of workflow ${w.name}`,
                });
                const t = summary.trends;
                trend = defined({ successRate: t.success_rate, p50Seconds: t.median_duration_secs, p95Seconds: t.p95_duration_secs, runs: t.total_runs });
              } catch {
                trend = undefined;
              }
            }
            const m = w.metrics;
            return defined({
              name: w.name,
              runs: m.total_runs,
              successRate: m.success_rate,
              p50Seconds: m.duration_metrics.median,
              p95Seconds: m.duration_metrics.p95,
              runsPerDay: m.throughput,
              trend,
            });
          }),
        );
        const flaky = await readJson({ context, credentials, name: 'listFlakyTests', values: { projectSlug: slug }, about: `the flaky tests of ${slug.slug}` });
        const top = [...flaky['flaky-tests']]
          .sort((a, b) => (b['times-flaked'] ?? 0) - (a['times-flaked'] ?? 0))
          .slice(0, MAX_FLAKY)
          .map(t => defined({ test: t['test-name'], classname: t.classname ?? undefined, job: t['job-name'], workflow: t['workflow-name'], timesFlaked: t['times-flaked'] }));
        let branch = args.branch ?? 'default branch';
        if (args.allBranches) branch = 'all branches';
        return {
          output: {
            project: slug.slug,
            window,
            branch,
            workflows,
            workflowsOmitted: all.length - shown.length,
            flakyTests: defined({ total: flaky['total-flaky-tests'], top }),
          },
        };
      }),
  });
}
