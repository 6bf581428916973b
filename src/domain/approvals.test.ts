import { approvalLabel, isApprovalJob } from './approvals';

describe('approvals', () => {
  it('labels an approval job by whether it was approved', () => {
    expect(approvalLabel({ type: 'approval', status: 'success' })).toBe('Approved');
    expect(approvalLabel({ type: 'approval', status: 'on_hold' })).toBe('Waiting for approval');
    expect(approvalLabel({ type: 'approval', status: 'canceled' })).toBeUndefined();
    expect(approvalLabel({ type: 'approval', status: null })).toBeUndefined();
  });

  it('leaves other jobs to their status label', () => {
    expect(approvalLabel({ type: 'build', status: 'on_hold' })).toBeUndefined();
    expect(isApprovalJob({ type: 'build' })).toBe(false);
    expect(isApprovalJob({ type: 'approval' })).toBe(true);
  });
});
