import type { WorkflowMetrics } from '@circleci-backstage/plugin-circleci-common';
import { INITIAL_CHARTS, initialCharts } from './insightsCharts';

const metrics = (name: string, totalRuns: number | undefined) =>
  ({ name, metrics: { total_runs: totalRuns } }) as unknown as WorkflowMetrics;

describe('initialCharts', () => {
  it('picks the busiest workflows, ties by name, in the order given', () => {
    const workflows = [metrics('a', 3), metrics('b', 9), metrics('c', 1), metrics('d', 9), metrics('e', 5)];
    expect(initialCharts({ workflows, max: 3 })).toEqual(['b', 'd', 'e']);
    expect(initialCharts({ workflows, max: 2 })).toEqual(['b', 'd']);
    expect(initialCharts({ workflows })).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(INITIAL_CHARTS).toBe(5);
  });

  it('counts a missing or unreadable run count as no runs', () => {
    const workflows = [metrics('x', undefined), metrics('y', Number.NaN), metrics('z', 1)];
    expect(initialCharts({ workflows, max: 1 })).toEqual(['z']);
  });
});
