import { english } from '../__testUtils__/english';
import { approvalLabel, isApprovalJob } from './approvals';

describe('approvals', () => {
  it('labels an approval job by whether it was approved', () => {
    expect(english(approvalLabel({ type: 'approval', status: 'success' }))).toBe('Approved');
    expect(english(approvalLabel({ type: 'approval', status: 'on_hold' }))).toBe('Waiting for approval');
    expect(english(approvalLabel({ type: 'approval', status: 'canceled' }))).toBeUndefined();
    expect(english(approvalLabel({ type: 'approval', status: null }))).toBeUndefined();
  });

  it('leaves other jobs to their status label', () => {
    expect(english(approvalLabel({ type: 'build', status: 'on_hold' }))).toBeUndefined();
    expect(isApprovalJob({ type: 'build' })).toBe(false);
    expect(isApprovalJob({ type: 'approval' })).toBe(true);
  });
});
