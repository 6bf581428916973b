/*
 * What a disabled action control says when the permission framework does
 * not let the user act through the entity: one sentence per permission of
 * the plugin. No React and no I/O.
 */
import {
  CIRCLECI_ACTION_PERMISSIONS,
  circleciJobApprovePermission,
  circleciPipelineTriggerPermission,
  type ActionEndpointName,
} from '@circleci-backstage/plugin-circleci-common';
import { type CircleCIMessage, msg } from './messages';

/** Why the user may not do `action` here: the sentence of the permission it needs. */
export function permissionDeniedMessage(action: ActionEndpointName): CircleCIMessage {
  const { name } = CIRCLECI_ACTION_PERMISSIONS[action];
  if (name === circleciJobApprovePermission.name) return msg('actionPermission.deniedApprove');
  if (name === circleciPipelineTriggerPermission.name) return msg('actionPermission.deniedTrigger');
  return msg('actionPermission.deniedOperate');
}

/** Why a control is disabled when the permission framework could not answer. */
export function permissionUnknownMessage(): CircleCIMessage {
  return msg('actionPermission.unknown');
}
