/*
 * The write actions: `rerun-workflow`, `cancel-workflow`, `approve-job` and
 * `trigger-pipeline`. Each needs a signed-in user (a service token, such as
 * an MCP client's static token, is refused), `circleci.actions.enabled`,
 * and the user's permission on the named entity, exactly as the UI's
 * buttons; each is audited and sent once, never retried.
 */
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { ActionPerformer } from '../access/performAction';
import type { RouteContext } from '../routes/context';
import { callerOf, projectOf } from './access';
import { ActionError, named } from './errors';
import { appLinks, type Zod } from './shapes';
import { performWrite } from './write';

type Deps = { registry: ActionsRegistryService; context: RouteContext; performer: ActionPerformer };

const NEEDS =
  'Needs a signed-in Backstage user with the permission on the entity (as the CircleCI tab\'s buttons), and ' +
  'circleci.actions.enabled; confirm with the user first.';

const entityRef = (z: Zod) =>
  z.string().max(512).describe('The catalog entity you act through, e.g. component:default/rocket; it must name the project.');
const workflowId = (z: Zod) => z.string().uuid().describe('The workflow id (from get-pipelines or get-workflow).');

const sentOutput = (z: Zod) =>
  z.object({
    circleciStatus: z.number().describe('CircleCI\'s HTTP status (2xx).'),
    message: z.string(),
  });

/** Registers the workflow writes. */
function registerWorkflowWrites({ registry, context, performer }: Deps): void {
  registry.register({
    name: 'rerun-workflow',
    title: 'Rerun a CircleCI workflow',
    description: `Reruns a workflow, from the start or only from its failed jobs (fromFailed: true); answers the new workflow's id. ${NEEDS}`,
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z => z.object({ entityRef: entityRef(z), workflowId: workflowId(z), fromFailed: z.boolean().optional().describe('Rerun only the failed jobs (default false: from start).') }),
      output: z => z.object({ circleciStatus: z.number(), newWorkflowId: z.string().optional(), message: z.string() }),
    },
    examples: [{ title: 'Rerun from failed', input: { entityRef: 'component:default/rocket', workflowId: '5034460f-c7c4-4c43-9457-de07e2029e7b', fromFailed: true } }],
    action: async ({ input, credentials }) =>
      named(context.logger, async () => {
        const { circleciStatus, body } = await performWrite({
          context, performer, credentials, name: 'rerunWorkflow', entityRef: input.entityRef,
          values: { workflowId: input.workflowId, fromFailed: input.fromFailed === true },
        });
        const newWorkflowId = typeof body.workflow_id === 'string' ? body.workflow_id : undefined;
        const from = input.fromFailed ? 'from failed' : 'from start';
        return { output: { circleciStatus, ...(newWorkflowId ? { newWorkflowId } : {}), message: `Rerun ${from} requested.` } };
      }),
  });
  registry.register({
    name: 'cancel-workflow',
    title: 'Cancel a CircleCI workflow',
    description: `Cancels a running workflow: its running jobs stop and the rest do not start. Cannot be undone (rerun instead). ${NEEDS}`,
    attributes: { readOnly: false, destructive: true, idempotent: true },
    schema: { input: z => z.object({ entityRef: entityRef(z), workflowId: workflowId(z) }), output: sentOutput },
    examples: [{ title: 'Cancel', input: { entityRef: 'component:default/rocket', workflowId: '5034460f-c7c4-4c43-9457-de07e2029e7b' } }],
    action: async ({ input, credentials }) =>
      named(context.logger, async () => {
        const { circleciStatus } = await performWrite({
          context, performer, credentials, name: 'cancelWorkflow', entityRef: input.entityRef, values: { workflowId: input.workflowId },
        });
        return { output: { circleciStatus, message: 'Cancellation requested.' } };
      }),
  });
  registry.register({
    name: 'approve-job',
    title: 'Approve a CircleCI approval job',
    description:
      'Approves a job on hold, so the jobs after it (often a deployment) start. Cannot be undone. Find the ' +
      `approvalRequestId with get-workflow (the approval job's approvalRequestId). ${NEEDS}`,
    attributes: { readOnly: false, destructive: true, idempotent: true },
    schema: {
      input: z => z.object({ entityRef: entityRef(z), workflowId: workflowId(z), approvalRequestId: z.string().uuid().describe('The approval job\'s approvalRequestId.') }),
      output: sentOutput,
    },
    examples: [{ title: 'Approve', input: { entityRef: 'component:default/rocket', workflowId: '5034460f-c7c4-4c43-9457-de07e2029e7b', approvalRequestId: '8f8b3d57-9b58-4b5e-9f1c-2c6a8a3d8a9e' } }],
    action: async ({ input, credentials }) =>
      named(context.logger, async () => {
        const { circleciStatus } = await performWrite({
          context, performer, credentials, name: 'approveJob', entityRef: input.entityRef,
          values: { workflowId: input.workflowId, approvalRequestId: input.approvalRequestId },
        });
        return { output: { circleciStatus, message: 'Approved.' } };
      }),
  });
}

/** Registers `trigger-pipeline`. */
function registerTrigger({ registry, context, performer }: Deps): void {
  registry.register({
    name: 'trigger-pipeline',
    title: 'Trigger a CircleCI pipeline',
    description:
      'Starts a new pipeline of the entity\'s project on a branch or a tag (not both; neither: the default ' +
      `branch), with optional pipeline parameters; answers the new pipeline's number and link. ${NEEDS}`,
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRef(z),
          projectSlug: z.string().max(512).optional().describe('Only when the entity names several projects.'),
          branch: z.string().min(1).max(256).optional(),
          tag: z.string().min(1).max(256).optional(),
          parameters: z.record(z.union([z.string(), z.number(), z.boolean()])).optional().describe('Pipeline parameters declared in the config.'),
        }),
      output: z =>
        z.object({
          circleciStatus: z.number(),
          pipelineId: z.string().optional(),
          pipelineNumber: z.number().optional(),
          url: z.string().optional(),
          message: z.string(),
        }),
    },
    examples: [{ title: 'Build a branch', input: { entityRef: 'component:default/rocket', branch: 'feature/login', parameters: { deploy: false } } }],
    action: async ({ input, credentials }) =>
      named(context.logger, async () => {
        if (input.branch && input.tag) {
          throw new ActionError({ name: 'InputError', message: 'Give a branch or a tag, not both.' });
        }
        const { slug } = await projectOf({ context, credentials: callerOf(credentials), entityRef: input.entityRef, projectSlug: input.projectSlug });
        const { circleciStatus, body } = await performWrite({
          context, performer, credentials, name: 'triggerPipeline', entityRef: input.entityRef,
          values: { projectSlug: slug, branch: input.branch, tag: input.tag, parameters: input.parameters },
        });
        const pipelineNumber = typeof body.number === 'number' ? body.number : undefined;
        return {
          output: {
            circleciStatus,
            ...(typeof body.id === 'string' ? { pipelineId: body.id } : {}),
            ...(pipelineNumber === undefined ? {} : { pipelineNumber, url: appLinks.pipeline({ slug, pipelineNumber }) }),
            message: `Pipeline triggered on ${input.tag ? `tag ${input.tag}` : `branch ${input.branch ?? '(default)'}`}.`,
          },
        };
      }),
  });
}

/** Registers every write action. */
export function registerWriteActions(deps: Deps): void {
  registerWorkflowWrites(deps);
  registerTrigger(deps);
}
