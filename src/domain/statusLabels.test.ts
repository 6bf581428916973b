import { english } from '../__testUtils__/english';
import { resolveStatus, statusLabel, statusText } from './statusLabels';

describe('status labels', () => {
  it.each([
    ['success', 'Success', 'success'],
    ['fixed', 'Success', 'success'],
    ['infrastructure_fail', 'Failed', 'failed'],
    ['on_hold', 'On hold', 'on hold'],
    ['not_run', 'Not run', 'not run'],
    ['brand_new', 'Unknown (brand_new)', 'brand_new'],
    ['unknown', 'Unknown', 'unknown'],
    ['', 'Unknown', 'unknown'],
  ])('%j is labelled %j and reads %j', (status, label, text) => {
    expect(english(statusLabel(status))).toBe(label);
    expect(english(statusText(status))).toBe(text);
  });

  it('shows a null or missing status (the spec allows a null job status) as a neutral Unknown', () => {
    expect(resolveStatus(null)).toBe('unknown');
    expect(english(statusLabel(null))).toBe('Unknown');
    expect(english(statusLabel(undefined))).toBe('Unknown');
    expect(english(statusText(null))).toBe('unknown');
  });

  it('does not take names of Object.prototype for statuses', () => {
    expect(resolveStatus('constructor')).toBe('unknown');
    expect(english(statusLabel('toString'))).toBe('Unknown (toString)');
  });
});
