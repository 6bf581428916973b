import { english } from '../__testUtils__/english';
import { hasPipelineErrors, pipelineErrorLabel, pipelineErrors } from './pipelineErrors';

describe('pipelineErrors', () => {
  it('reads a real errored pipeline as a config error', () => {
    const errored = {
      state: 'errored',
      errors: [{ type: 'config-fetch', message: 'Failed to fetch config.yml file.' }],
    };
    expect(hasPipelineErrors(errored)).toBe(true);
    const errors = pipelineErrors(errored);
    expect(errors.map(e => ({ type: e.type, label: english(e.label), message: e.message, text: english(e.text) }))).toEqual([
      {
        type: 'config-fetch',
        label: 'Config error',
        message: 'Failed to fetch config.yml file.',
        text: 'Config error: Failed to fetch config.yml file.',
      },
    ]);
  });

  it('labels each documented type, and keeps an unknown type visible', () => {
    expect(english(pipelineErrorLabel('config'))).toBe('Config error');
    expect(english(pipelineErrorLabel('timeout'))).toBe('Timeout');
    expect(english(pipelineErrorLabel('permission'))).toBe('Permission error');
    expect(english(pipelineErrorLabel('plan'))).toBe('Plan error');
    expect(english(pipelineErrorLabel('other'))).toBe('Error');
    expect(english(pipelineErrorLabel('quota-exceeded'))).toBe('Error (quota-exceeded)');
    expect(english(pipelineErrorLabel('constructor'))).toBe('Error (constructor)');
    expect(english(pipelineErrorLabel(''))).toBe('Error');
  });

  it('keeps every error, as text without control characters', () => {
    const errors = pipelineErrors({
      state: 'errored',
      errors: [
        { type: 'config', message: 'Unable to parse YAML\n\u001b[31mline 3\u001b[0m' },
        { type: 'permission', message: '' },
      ],
    });
    expect(errors.map(e => english(e.text))).toEqual(['Config error: Unable to parse YAML\nline 3', 'Permission error']);
  });

  it('says an errored pipeline without errors gave no reason; others have none', () => {
    expect(pipelineErrors({ state: 'errored', errors: [] }).map(e => english(e.text))).toEqual([
      'Error: CircleCI gave no reason.',
    ]);
    expect(pipelineErrors({ state: 'created', errors: [] })).toEqual([]);
    expect(hasPipelineErrors({ state: 'created', errors: [] })).toBe(false);
  });
});
