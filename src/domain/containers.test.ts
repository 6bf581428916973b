import { english } from '../__testUtils__/english';
import type { JobStep } from '@circleci-backstage/plugin-circleci-common';
import { containerLabel, containerStatuses, defaultContainer } from './containers';

function step(name: string, statuses: string[]): JobStep {
  return {
    name,
    actions: statuses.map((status, index) => ({ index, step: 100, name, status })),
  } as JobStep;
}

describe('containerStatuses', () => {
  it('uses the parallel runs CircleCI gives', () => {
    const statuses = containerStatuses({
      steps: [],
      parallelism: 2,
      containers: [
        { index: 0, status: 'success' },
        { index: 1, status: 'failed' },
      ],
    });
    expect(statuses).toEqual([
      { index: 0, status: 'success' },
      { index: 1, status: 'failed' },
    ]);
  });

  it('derives the rest from the steps: a failed action fails its container', () => {
    const steps = [step('checkout', ['success', 'success', 'success']), step('test', ['success', 'failed', 'running'])];
    expect(containerStatuses({ steps, parallelism: 3 }).map(c => c.status)).toEqual([
      'success',
      'failed',
      'running',
    ]);
  });

  it('counts at least one container, and every container a parallel run names', () => {
    expect(containerStatuses({ steps: [], parallelism: 0 })).toEqual([{ index: 0, status: 'unknown' }]);
    expect(
      containerStatuses({ steps: [], parallelism: 1, containers: [{ index: 3, status: 'success' }] }),
    ).toHaveLength(4);
  });
});

describe('defaultContainer', () => {
  it('is the first failed container, else 0', () => {
    expect(defaultContainer([{ index: 0, status: 'success' }, { index: 1, status: 'failed' }, { index: 2, status: 'failed' }])).toBe(1);
    expect(defaultContainer([{ index: 0, status: 'success' }, { index: 1, status: null }])).toBe(0);
  });
});

describe('containerLabel', () => {
  it('names the container and its status in words', () => {
    expect(english(containerLabel({ index: 3, status: 'success' }))).toBe('Container 3: success');
    expect(english(containerLabel({ index: 1, status: 'infrastructure_fail' }))).toBe('Container 1: failed');
    expect(english(containerLabel({ index: 2, status: 'on_hold' }))).toBe('Container 2: on hold');
    expect(english(containerLabel({ index: 0, status: 'brand_new' }))).toBe('Container 0: brand_new');
    expect(english(containerLabel({ index: 0, status: null }))).toBe('Container 0: unknown');
  });
});
