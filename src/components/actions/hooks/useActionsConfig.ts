import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { ACTIONS_OFF, type ActionsConfig } from '../../../domain/actions';

/**
 * Which actions the admin turned on: `circleci.actions.enabled` (default
 * false) for rerun and cancel, and `circleci.actions.trigger` and
 * `circleci.actions.approve`, which follow `enabled` unless set.
 */
export function useActionsConfig(): ActionsConfig {
  const config = useApi(configApiRef);
  const actions = config.getOptionalConfig('circleci.actions');
  if (!actions) return ACTIONS_OFF;
  const enabled = actions.getOptionalBoolean('enabled') ?? false;
  return {
    enabled,
    trigger: actions.getOptionalBoolean('trigger') ?? enabled,
    approve: actions.getOptionalBoolean('approve') ?? enabled,
  };
}
