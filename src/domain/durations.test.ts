import type { Workflow } from '@circleci-backstage/plugin-circleci-common';
import { english } from '../__testUtils__/english';
import {
  durationText,
  jobDurationText,
  pipelineDurationText,
  workflowDurationText,
  workflowJobDurationText,
} from './durations';

const now = Date.parse('2026-01-01T01:00:00Z');
const at = (hhmmss: string) => `2026-01-01T${hhmmss}Z`;

describe('durationText', () => {
  it('is final with an end, "so far" while active, undefined otherwise', () => {
    expect(english(durationText({ start: at('00:00:00'), end: at('00:03:12'), active: false, now }))).toBe('3m 12s');
    expect(english(durationText({ start: at('00:59:15'), end: null, active: true, now }))).toBe('45s so far');
    expect(english(durationText({ start: at('00:00:00'), end: null, active: false, now }))).toBeUndefined();
    expect(english(durationText({ start: '', end: at('00:03:12'), active: false, now }))).toBeUndefined();
  });
});

describe('jobDurationText', () => {
  const job = { status: 'success', started_at: at('00:00:00'), stopped_at: at('00:02:00'), duration: 125_000 };

  it("uses CircleCI's duration for a finished job", () => {
    expect(english(jobDurationText(job, { now }))).toBe('2m 5s');
    expect(english(jobDurationText({ ...job, duration: null }, { now }))).toBe('2m 0s');
  });

  it('counts a running job up to now, and says when it has not started', () => {
    expect(english(jobDurationText({ ...job, status: 'running', stopped_at: null, duration: null }, { now }))).toBe(
      '1h 0m so far',
    );
    expect(english(jobDurationText({ status: 'queued', started_at: null, stopped_at: null, duration: null }, { now }))).toBe(
      'not started yet',
    );
  });

  it('returns "so far" and "not started yet" as messages for the view to translate', () => {
    expect(jobDurationText({ ...job, status: 'running', stopped_at: null, duration: null }, { now })).toEqual({
      key: 'domain.durationSoFar',
      params: { duration: '1h 0m' },
    });
    expect(jobDurationText({ status: 'queued', started_at: null, stopped_at: null, duration: null }, { now })).toEqual({
      key: 'domain.notStartedYet',
    });
  });

  it('shows "—" for a finished job whose times cannot be read, and for a null status', () => {
    expect(english(jobDurationText({ status: 'success', started_at: at('00:00:00'), stopped_at: '', duration: null }, { now }))).toBe('—');
    expect(english(jobDurationText({ status: 'failed', started_at: 'not a date', stopped_at: 'nope', duration: null }, { now }))).toBe('—');
    expect(english(jobDurationText({ status: null, started_at: null, stopped_at: null, duration: null }, { now }))).toBe('—');
  });
});

describe('workflow durations', () => {
  const wf = { status: 'success', created_at: at('00:00:00'), stopped_at: at('00:10:00') };

  it('measures from creation to stop, or so far while it runs', () => {
    expect(english(workflowDurationText(wf, { now }))).toBe('10m 0s');
    expect(english(workflowDurationText({ ...wf, status: 'running', stopped_at: null }, { now }))).toBe('1h 0m so far');
  });

  it('shows "—" for a finished workflow with stopped_at "" (sent by real CircleCI)', () => {
    expect(english(workflowDurationText({ ...wf, stopped_at: '' }, { now }))).toBe('—');
    expect(english(workflowDurationText({ ...wf, created_at: '' }, { now }))).toBe('—');
  });

  it('gives a job of a workflow its duration, or none', () => {
    expect(workflowJobDurationText({ status: 'success', started_at: at('00:00:00'), stopped_at: at('00:00:42') }, now)).toBe('42s');
    expect(workflowJobDurationText({ status: 'on_hold', started_at: null, stopped_at: null }, now)).toBeUndefined();
    expect(workflowJobDurationText({ status: 'success', started_at: at('00:00:00'), stopped_at: '' }, now)).toBeUndefined();
  });
});

describe('pipelineDurationText', () => {
  const pipeline = { created_at: at('00:00:00') };
  const w = (name: string, status: string, stopped_at: string | null, created = '00:00:01'): Workflow =>
    ({ id: `${name}-${created}`, name, status, created_at: at(created), stopped_at }) as Workflow;

  it('runs to the end of the last current workflow', () => {
    const workflows = [w('build', 'success', at('00:05:00')), w('lint', 'success', at('00:02:00'))];
    expect(english(pipelineDurationText({ pipeline, workflows, now }))).toBe('5m 0s');
  });

  it('ignores earlier runs of a rerun workflow', () => {
    const workflows = [w('build', 'failed', at('00:30:00')), w('build', 'success', at('00:20:00'), '00:10:00')];
    expect(english(pipelineDurationText({ pipeline, workflows, now }))).toBe('20m 0s');
  });

  it('counts so far while a workflow runs', () => {
    const workflows = [w('build', 'success', at('00:05:00')), w('deploy', 'on_hold', null)];
    expect(english(pipelineDurationText({ pipeline, workflows, now }))).toBe('1h 0m so far');
  });

  it('shows "—" without workflows or readable ends', () => {
    expect(english(pipelineDurationText({ pipeline, workflows: [], now }))).toBe('—');
    expect(english(pipelineDurationText({ pipeline, workflows: undefined, now }))).toBe('—');
    expect(english(pipelineDurationText({ pipeline, workflows: [w('build', 'success', '')], now }))).toBe('—');
    expect(english(pipelineDurationText({ pipeline: { created_at: 'garbage' }, workflows: [w('b', 'success', at('00:01:00'))], now }))).toBe('—');
  });
});
