/*
 * Which workflows of the Insights view get their chart at first: each
 * chart costs a request (or several, a page of runs each), so a project
 * with many workflows charts only its busiest ones until the user asks.
 */
import type { WorkflowMetrics } from '@circleci-backstage/plugin-circleci-common';

/** How many workflows are charted when the Insights view opens. */
export const INITIAL_CHARTS = 5;

/**
 * The names of the workflows charted at first: the `max` busiest (most
 * runs in the window; ties by name), in the order of `workflows`.
 * @internal
 */
export function initialCharts(options: {
  workflows: readonly Pick<WorkflowMetrics, 'name' | 'metrics'>[];
  max?: number;
}): string[] {
  const { workflows, max = INITIAL_CHARTS } = options;
  const runs = (w: Pick<WorkflowMetrics, 'metrics'>) => {
    const n = w.metrics?.total_runs;
    return typeof n === 'number' && Number.isFinite(n) ? n : 0;
  };
  const busiest = new Set(
    [...workflows]
      .sort((a, b) => runs(b) - runs(a) || a.name.localeCompare(b.name))
      .slice(0, Math.max(0, max))
      .map(w => w.name),
  );
  return workflows.filter(w => busiest.has(w.name)).map(w => w.name);
}
