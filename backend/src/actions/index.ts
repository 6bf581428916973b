/*
 * The CircleCI actions of Backstage's actions registry (ids
 * `circleci:<name>`), for AI assistants over MCP
 * (`@backstage/plugin-mcp-actions-backend`) and any other caller of the
 * registry. Reads go through the routes' catalog check and shared cache;
 * writes through the routes' permission check, switch and audit, as a user.
 */
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { createActionPerformer } from '../access/performAction';
import type { RouteContext } from '../routes/context';
import { registerGetFailureLogs } from './getFailureLogs';
import { registerGetInsights } from './getInsights';
import { registerGetPipelines } from './getPipelines';
import { registerGetWorkflow } from './getWorkflow';
import { registerWriteActions } from './writeActions';

/** The names of the actions, as registered (ids `circleci:<name>`). */
export const CIRCLECI_ACTION_NAMES = [
  'get-pipelines',
  'get-workflow',
  'get-failure-logs',
  'get-insights',
  'rerun-workflow',
  'cancel-workflow',
  'approve-job',
  'trigger-pipeline',
] as const;

/** Registers every CircleCI action with the plugin's actions registry. */
export function registerCircleCIActions(options: { registry: ActionsRegistryService; context: RouteContext }): void {
  const { registry, context } = options;
  registerGetPipelines({ registry, context });
  registerGetWorkflow({ registry, context });
  registerGetFailureLogs({ registry, context });
  registerGetInsights({ registry, context });
  registerWriteActions({ registry, context, performer: createActionPerformer() });
}
