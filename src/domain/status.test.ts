import { derivePipelineStatus, jobsPollGroup, latestWorkflowRuns, normalizeStatus } from './status';
import type { Workflow } from '@circleci-backstage/plugin-circleci-common';

function wf(name: string, status: string, created: string): Workflow {
  return {
    id: `${name}-${created}`,
    pipeline_id: 'p',
    pipeline_number: 1,
    name,
    project_slug: 'gh/acme/rocket',
    status,
    started_by: 'u',
    created_at: `2026-01-01T00:00:0${created}Z`,
  };
}

describe('status', () => {
  it.each([
    ['success', 'success'],
    ['error', 'failed'],
    ['failing', 'failing'],
    ['on_hold', 'on_hold'],
    ['not_running', 'queued'],
    ['blocked', 'blocked'],
    ['unauthorized', 'unauthorized'],
    ['brand_new_status', 'unknown'],
    ['__proto__', 'unknown'],
    ['constructor', 'unknown'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalizeStatus(input)).toBe(expected);
  });

  it('treats a non-string as unknown', () => {
    expect(normalizeStatus(undefined)).toBe('unknown');
    expect(normalizeStatus(null)).toBe('unknown');
  });

  it('keeps the newest run of a rerun workflow as current', () => {
    const runs = latestWorkflowRuns([wf('build', 'failed', '1'), wf('build', 'success', '2'), wf('lint', 'success', '1')]);
    expect(runs.current.map(w => [w.name, w.status])).toEqual([
      ['build', 'success'],
      ['lint', 'success'],
    ]);
    expect(runs.earlier.map(w => w.status)).toEqual(['failed']);
  });

  it.each([
    [[['build', 'failed', '1'], ['build', 'success', '2']], 'success'],
    [[['build', 'success', '1'], ['deploy', 'on_hold', '1']], 'on_hold'],
    [[['build', 'failed', '1'], ['lint', 'running', '1']], 'failing'],
    [[['build', 'success', '1'], ['lint', 'running', '1']], 'running'],
    [[['build', 'failed', '1'], ['lint', 'success', '1']], 'failed'],
    [[['build', 'canceled', '1']], 'canceled'],
    [[['build', 'whatever', '1']], 'unknown'],
  ] as Array<[Array<[string, string, string]>, string]>)(
    'derives the pipeline status from workflows %j',
    (list, expected) => {
      expect(
        derivePipelineStatus({ state: 'created', workflows: list.map(([n, s, c]) => wf(n, s, c)) }),
      ).toBe(expected);
    },
  );

  it('uses the pipeline state only when there is no workflow', () => {
    expect(derivePipelineStatus({ state: 'errored', workflows: [] })).toBe('failed');
    expect(derivePipelineStatus({ state: 'setup-pending', workflows: [] })).toBe('queued');
    expect(derivePipelineStatus({ state: 'created', workflows: undefined })).toBe('unknown');
  });
});

describe('jobsPollGroup', () => {
  it('waits while the only unfinished jobs are an approval on hold and the jobs blocked behind it', () => {
    const jobs = (...statuses: string[]) => statuses.map(status => ({ status }));
    expect(jobsPollGroup(jobs('success', 'on_hold', 'blocked'))).toBe('waiting');
    expect(jobsPollGroup(jobs('on_hold', 'running', 'blocked'))).toBe('running');
    expect(jobsPollGroup(jobs('success', 'blocked'))).toBe('running');
    expect(jobsPollGroup(jobs('success', 'failed'))).toBeUndefined();
    expect(jobsPollGroup(undefined)).toBeUndefined();
  });
});
