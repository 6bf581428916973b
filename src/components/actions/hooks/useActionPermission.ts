import { usePermission } from '@backstage/plugin-permission-react';
import { CIRCLECI_ACTION_PERMISSIONS, type ActionEndpointName } from '@circleci-backstage/plugin-circleci-common';
import { permissionDeniedMessage, permissionUnknownMessage } from '../../../domain/actionPermissions';
import type { CircleCIMessage } from '../../../domain/messages';
import { useActingEntityRef } from './useActingEntityRef';

/** What the permission framework says about one action on the page's entity. */
export type ActionPermission =
  /** The user may act: the control is enabled. */
  | { state: 'allowed' }
  /** The answer is loading: the control is disabled, and says nothing yet. */
  | { state: 'checking' }
  /** The user may not act (or the framework could not answer): disabled, saying why. */
  | { state: 'denied'; reason: CircleCIMessage };

const ALLOWED: ActionPermission = { state: 'allowed' };
const CHECKING: ActionPermission = { state: 'checking' };

/**
 * Whether the user may do `action` through the page's entity: the
 * permission framework's answer (`usePermission`) for the permission the
 * action needs (`CIRCLECI_ACTION_PERMISSIONS`: operate, approve or trigger)
 * on that entity. It is the question the backend plugin asks before it
 * forwards the POST, so an allowed control is not refused with
 * `permission-denied`. Identical questions on a page (a row of controls per
 * workflow) share one answer. Backend mode only: in proxy mode nothing on
 * the server would enforce the answer, and the controls do not ask.
 */
export function useActionPermission(options: { action: ActionEndpointName }): ActionPermission {
  const { action } = options;
  const resourceRef = useActingEntityRef();
  const { allowed, loading, error } = usePermission({ permission: CIRCLECI_ACTION_PERMISSIONS[action], resourceRef });
  if (allowed) return ALLOWED;
  if (loading) return CHECKING;
  return { state: 'denied', reason: error ? permissionUnknownMessage() : permissionDeniedMessage(action) };
}
