import { english } from '../__testUtils__/english';
import type { JobStep, StepAction } from '@circleci-backstage/plugin-circleci-common';
import { actionFailed, actionOf, actionRunning, firstFailedStep, stepDuration, stepLogFilename } from './steps';

function action(options: Partial<StepAction> & { index: number; step: number }): StepAction {
  return { name: 's', status: 'success', ...options } as StepAction;
}

const steps: JobStep[] = [
  { name: 'checkout', actions: [action({ index: 0, step: 1 }), action({ index: 1, step: 1 })] },
  { name: 'test', actions: [action({ index: 0, step: 2 }), action({ index: 1, step: 2, status: 'timedout' })] },
  { name: 'lint', actions: [action({ index: 0, step: 3, status: 'success', failed: true })] },
] as JobStep[];

describe('steps', () => {
  it('tells a failed action by its flag or its status', () => {
    expect(actionFailed({ status: 'success', failed: true })).toBe(true);
    expect(actionFailed({ status: 'infrastructure_fail' })).toBe(true);
    expect(actionFailed({ status: 'success', failed: false })).toBe(false);
    expect(actionRunning({ status: 'running' })).toBe(true);
    expect(actionRunning({ status: 'success' })).toBe(false);
  });

  it('finds the first failed step of each container', () => {
    expect(firstFailedStep(steps, 0)).toBe(3);
    expect(firstFailedStep(steps, 1)).toBe(2);
    expect(firstFailedStep(steps, 2)).toBeUndefined();
    expect(actionOf(steps[2], 1)).toBeUndefined();
  });

  it('names the downloaded log after the job, step and container', () => {
    expect(stepLogFilename({ jobNumber: 7, stepNumber: 102, containerIndex: 3 })).toBe(
      'job-7-step-102-container-3.log',
    );
  });
});

describe('stepDuration', () => {
  const now = Date.parse('2026-01-01T00:10:00Z');
  it('uses run_time_millis when CircleCI gives it', () => {
    expect(english(stepDuration({ status: 'success', run_time_millis: 65_000 }, { now }))).toBe('1m 5s');
  });

  it('counts a running step up to now', () => {
    expect(english(stepDuration({ status: 'running', start_time: '2026-01-01T00:09:30Z', end_time: null }, { now }))).toBe(
      '30s so far',
    );
  });

  it('is empty for a finished step without a readable end, or without a start', () => {
    expect(english(stepDuration({ status: 'success', start_time: '2026-01-01T00:09:30Z', end_time: '' }, { now }))).toBe('');
    expect(english(stepDuration({ status: 'success', start_time: 'yesterday', end_time: null }, { now }))).toBe('');
    expect(english(stepDuration({ status: 'success', start_time: '2026-01-01T00:09:30Z', end_time: 'garbage' }, { now }))).toBe('');
  });
});
