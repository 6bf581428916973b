/*
 * The permissions of the plugin's actions. Each is a resource permission on
 * the catalog entity the user acts through, so a policy can decide with the
 * catalog's rules (owner, lifecycle, system, tags…). The frontend asks them
 * to show its controls; the backend authorizes every POST with them.
 */
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission, type ResourcePermission } from '@backstage/plugin-permission-common';
import type { EndpointName } from './endpoints';

/**
 * Rerun a workflow (all of it, from failed, or some jobs), cancel a workflow,
 * cancel a job: acting on work that already exists.
 * @public
 */
export const circleciWorkflowOperatePermission = createPermission({
  name: 'circleci.workflow.operate',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Approve a job that waits for approval (`type: approval`). Apart from
 * operate: an approval is a gate, often a deploy, that teams give to fewer
 * people than a rerun.
 * @public
 */
export const circleciJobApprovePermission = createPermission({
  name: 'circleci.job.approve',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Trigger or run a new pipeline, on a branch or tag, with parameters. Apart
 * from operate: it starts new work (spends credits) with input the user
 * chooses.
 * @public
 */
export const circleciPipelineTriggerPermission = createPermission({
  name: 'circleci.pipeline.trigger',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Every permission of the plugin (registered by the backend).
 * @public
 */
export const circleciPermissions: ReadonlyArray<ResourcePermission<typeof RESOURCE_TYPE_CATALOG_ENTITY>> = [
  circleciWorkflowOperatePermission,
  circleciJobApprovePermission,
  circleciPipelineTriggerPermission,
];

/**
 * The name of an action endpoint (a POST) of the endpoint table.
 * @public
 */
export type ActionEndpointName = Extract<
  EndpointName,
  'rerunWorkflow' | 'cancelWorkflow' | 'cancelJob' | 'approveJob' | 'triggerPipeline' | 'runPipeline'
>;

/**
 * The permission each action needs, by its endpoint's name: the same table
 * for the control that offers it and for the route that sends it.
 * @public
 */
export const CIRCLECI_ACTION_PERMISSIONS: Readonly<
  Record<ActionEndpointName, ResourcePermission<typeof RESOURCE_TYPE_CATALOG_ENTITY>>
> = {
  rerunWorkflow: circleciWorkflowOperatePermission,
  cancelWorkflow: circleciWorkflowOperatePermission,
  cancelJob: circleciWorkflowOperatePermission,
  approveJob: circleciJobApprovePermission,
  triggerPipeline: circleciPipelineTriggerPermission,
  runPipeline: circleciPipelineTriggerPermission,
};
