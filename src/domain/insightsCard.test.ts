import { workflowMetricsSchema } from '@circleci-backstage/plugin-circleci-common';
import { cardWorkflows, configuredWorkflowNames } from './insightsCard';

const metric = (name: string, total_runs: unknown) => workflowMetricsSchema.parse({ name, metrics: { total_runs } });

describe('cardWorkflows', () => {
  const metrics = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n, i) => metric(n, i === 6 ? null : i));

  it('shows the busiest workflows up to the cap, ties by name, and counts the rest', () => {
    const picked = cardWorkflows({ metrics: [...metrics, metric('aa', 5)] });
    expect(picked.names).toEqual(['aa', 'f', 'e', 'd', 'c']);
    expect(picked.hidden).toBe(3);
    expect(picked.metrics.get('f')?.metrics.total_runs).toBe(5);
    expect(cardWorkflows({ metrics, cap: 2 })).toMatchObject({ names: ['f', 'e'], hidden: 5 });
    expect(cardWorkflows({ metrics: [] })).toMatchObject({ names: [], hidden: 0 });
  });

  it('shows the configured names in their order, once each, with or without metrics', () => {
    const picked = cardWorkflows({ metrics, names: [' b ', 'zz', 'b', '', 'g'] });
    expect(picked.names).toEqual(['b', 'zz', 'g']);
    expect([...picked.metrics.keys()]).toEqual(['b', 'g']);
    expect(picked.hidden).toBe(0);
    expect(cardWorkflows({ names: ['x'] }).names).toEqual(['x']);
  });

  it('treats an empty or blank list as no list', () => {
    expect(configuredWorkflowNames(undefined)).toBeUndefined();
    expect(configuredWorkflowNames([])).toBeUndefined();
    expect(configuredWorkflowNames([' ', ''])).toBeUndefined();
    expect(configuredWorkflowNames(['deploy / eu', 'deploy / eu'])).toEqual(['deploy / eu']);
  });
});
