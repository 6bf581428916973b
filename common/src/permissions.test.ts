import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { isResourcePermission } from '@backstage/plugin-permission-common';
import { CIRCLECI_ENDPOINTS, EndpointName } from './endpoints';
import {
  CIRCLECI_ACTION_PERMISSIONS,
  circleciJobApprovePermission,
  circleciPermissions,
  circleciPipelineTriggerPermission,
  circleciWorkflowOperatePermission,
} from './permissions';

describe('the permissions', () => {
  it('are resource permissions on catalog entities, with stable and distinct names', () => {
    expect(circleciPermissions.map(p => p.name)).toEqual([
      'circleci.workflow.operate',
      'circleci.job.approve',
      'circleci.pipeline.trigger',
    ]);
    for (const permission of circleciPermissions) {
      expect(isResourcePermission(permission, RESOURCE_TYPE_CATALOG_ENTITY)).toBe(true);
    }
  });

  it('cover every POST of the endpoint table, and nothing else', () => {
    const posts = (Object.keys(CIRCLECI_ENDPOINTS) as EndpointName[]).filter(n => CIRCLECI_ENDPOINTS[n].method === 'POST');
    expect(Object.keys(CIRCLECI_ACTION_PERMISSIONS).sort()).toEqual(posts.sort());
    expect(CIRCLECI_ACTION_PERMISSIONS).toEqual({
      rerunWorkflow: circleciWorkflowOperatePermission,
      cancelWorkflow: circleciWorkflowOperatePermission,
      cancelJob: circleciWorkflowOperatePermission,
      approveJob: circleciJobApprovePermission,
      triggerPipeline: circleciPipelineTriggerPermission,
      runPipeline: circleciPipelineTriggerPermission,
    });
  });
});
