/*
 * The action endpoints (POSTs, never retried: any 2xx answer is a success,
 * whatever its body), and the pipeline definitions the run dialog reads.
 * Every action names the catalog entity the user acts through in its
 * `entity` query, for the backend plugin; CircleCI never receives it.
 */
import { z } from 'zod';
import type {
  ActionEntityOptions,
  ApproveJobOptions,
  CancelJobOptions,
  CancelWorkflowOptions,
  ListPipelineDefinitionsOptions,
  RerunWorkflowOptions,
  RerunWorkflowResult,
  RunPipelineOptions,
  TriggerPipelineOptions,
} from '../options/actionOptions';
import { pipelineDefinitionSchema, rerunSchema, triggeredPipelineSchema } from '../schemas';
import { defineEndpoint } from './define';
import { encodeParam } from './params';

type Triggered = z.output<typeof triggeredPipelineSchema>;

function uuid(param: string, value: unknown): string {
  return encodeParam({ param, kind: 'uuid', value });
}

/**
 * The query parameter in which an action names the catalog entity the user
 * acts through (`?entity=component:default/rocket`). Only the backend plugin
 * reads it: it authorizes the action against that entity and never sends
 * the parameter to CircleCI; the browser client leaves it out in proxy mode.
 * @public
 */
export const ACTION_ENTITY_QUERY = 'entity';

/** The `entity` query of an action: its `entityRef`. */
function entityQuery<O extends ActionEntityOptions>(): Readonly<Record<string, (options: O) => string | undefined>> {
  return { [ACTION_ENTITY_QUERY]: (o: O) => o.entityRef };
}

/** `{ branch }` or `{ tag }` of a run, or nothing. */
function refOf(options: { branch?: string; tag?: string }): { branch: string } | { tag: string } | undefined {
  if (options.branch) return { branch: options.branch };
  return options.tag ? { tag: options.tag } : undefined;
}

/**
 * The action endpoints.
 * @public
 */
export const ACTION_ENDPOINTS = {
  rerunWorkflow: defineEndpoint({
    about: 'a workflow rerun',
    method: 'POST',
    path: 'v2/workflow/{workflowId}/rerun',
    params: { workflowId: 'uuid' },
    query: entityQuery<RerunWorkflowOptions>(),
    body: (o: RerunWorkflowOptions) => {
      const jobs = o.jobIds?.map(id => uuid('jobId', id));
      return { ...(o.fromFailed ? { from_failed: true } : {}), ...(jobs?.length ? { jobs } : {}) };
    },
    schema: rerunSchema,
    read: (body: z.output<typeof rerunSchema> | undefined): RerunWorkflowResult =>
      body?.workflow_id ? { workflowId: body.workflow_id } : {},
    lifetime: 'live',
  }),
  cancelWorkflow: defineEndpoint<CancelWorkflowOptions, unknown, void>({
    about: 'a workflow cancellation',
    method: 'POST',
    path: 'v2/workflow/{workflowId}/cancel',
    params: { workflowId: 'uuid' },
    query: entityQuery<CancelWorkflowOptions>(),
    read: () => undefined,
    lifetime: 'live',
  }),
  approveJob: defineEndpoint<ApproveJobOptions, unknown, void>({
    about: 'an approval',
    method: 'POST',
    path: 'v2/workflow/{workflowId}/approve/{approvalRequestId}',
    params: { workflowId: 'uuid', approvalRequestId: 'uuid' },
    query: entityQuery<ApproveJobOptions>(),
    read: () => undefined,
    lifetime: 'live',
  }),
  cancelJob: defineEndpoint<CancelJobOptions, unknown, void>({
    about: 'a job cancellation',
    method: 'POST',
    path: 'v2/project/{projectSlug}/job/{jobNumber}/cancel',
    params: { projectSlug: 'slug', jobNumber: 'number' },
    query: entityQuery<CancelJobOptions>(),
    read: () => undefined,
    lifetime: 'live',
  }),
  triggerPipeline: defineEndpoint({
    about: 'a pipeline trigger',
    method: 'POST',
    path: 'v2/project/{projectSlug}/pipeline',
    params: { projectSlug: 'slug' },
    query: entityQuery<TriggerPipelineOptions>(),
    body: (o: TriggerPipelineOptions) => ({
      ...(o.branch ? { branch: o.branch } : {}),
      ...(o.tag ? { tag: o.tag } : {}),
      ...(o.parameters ? { parameters: o.parameters } : {}),
    }),
    schema: triggeredPipelineSchema,
    read: (body: Triggered | undefined): Triggered => body ?? {},
    lifetime: 'live',
  }),
  runPipeline: defineEndpoint({
    about: 'a pipeline run',
    method: 'POST',
    path: 'v2/project/{projectSlug}/pipeline/run',
    params: { projectSlug: 'slug' },
    query: entityQuery<RunPipelineOptions>(),
    body: (o: RunPipelineOptions) => {
      const ref = refOf(o);
      return {
        definition_id: uuid('definitionId', o.definitionId),
        ...(ref ? { config: ref, checkout: ref } : {}),
        ...(o.parameters ? { parameters: o.parameters } : {}),
      };
    },
    schema: triggeredPipelineSchema,
    read: (body: Triggered | undefined): Triggered => body ?? {},
    lifetime: 'live',
  }),
  listPipelineDefinitions: defineEndpoint({
    about: 'the pipeline definitions of a project',
    method: 'GET',
    path: 'v2/projects/{projectId}/pipeline-definitions',
    params: { projectId: 'segment' },
    query: {} as Record<string, (o: ListPipelineDefinitionsOptions) => string | undefined>,
    schema: z.object({ items: z.array(pipelineDefinitionSchema) }),
    read: (body: { items: z.output<typeof pipelineDefinitionSchema>[] }) => body.items,
    lifetime: 'slow',
  }),
};
