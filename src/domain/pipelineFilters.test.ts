import type { Workflow } from '@circleci-backstage/plugin-circleci-common';
import { hasWorkflowNamed, parseStatusFilter, statusMatches, workflowNameTest } from './pipelineFilters';

describe('pipeline filters', () => {
  it('reads only known status filters', () => {
    expect(parseStatusFilter('failed')).toBe('failed');
    expect(parseStatusFilter('on_hold')).toBe('on_hold');
    expect(parseStatusFilter('FAILED')).toBeUndefined();
    expect(parseStatusFilter(null)).toBeUndefined();
  });

  it('counts a failing pipeline as failed and as running', () => {
    expect(statusMatches({ status: 'failing', filter: 'failed' })).toBe(true);
    expect(statusMatches({ status: 'failing', filter: 'running' })).toBe(true);
    expect(statusMatches({ status: 'success', filter: 'failed' })).toBe(false);
    expect(statusMatches({ status: 'unknown', filter: 'success' })).toBe(false);
  });

  it('matches names and simple globs, nothing else', () => {
    const deploy = workflowNameTest('deploy-*')!;
    expect(deploy('deploy-prod')).toBe(true);
    expect(deploy('pre-deploy-prod')).toBe(false);
    expect(workflowNameTest('a.c')!('abc')).toBe(false);
    expect(workflowNameTest('build?')!('build2')).toBe(true);
    expect(workflowNameTest('(x)+')!('(x)+')).toBe(true);
    expect(workflowNameTest('  ')).toBeUndefined();
    expect(workflowNameTest('x'.repeat(201))).toBeUndefined();
  });

  it('finds a pipeline by one of its workflows', () => {
    const workflows = [{ name: 'build' }, { name: 'deploy-prod' }] as Workflow[];
    expect(hasWorkflowNamed({ workflows, test: workflowNameTest('deploy*')! })).toBe(true);
    expect(hasWorkflowNamed({ workflows, test: workflowNameTest('lint')! })).toBe(false);
  });
});
