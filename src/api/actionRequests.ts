/*
 * The write requests of {@link CircleCIClient} (rerun, cancel, approve,
 * trigger, run) and the pipeline definitions the run dialog reads, over its
 * transport. POSTs are never retried (the transport's rule); any 2xx
 * answer is a success, whatever its body (202 `{"message":"Accepted."}`,
 * 204, an empty body).
 */
import { z } from 'zod';
import { toV2SlugPath } from '../common/slug';
import type {
  ApproveJobOptions,
  CancelWorkflowOptions,
  JobRef,
  ListPipelineDefinitionsOptions,
  RerunWorkflowOptions,
  RerunWorkflowResult,
  RunPipelineOptions,
  TriggerPipelineOptions,
} from './CircleCIApi';
import { checkId, checkSegment, jobPath, slugOf } from './paths';
import { pipelineDefinitionSchema, rerunSchema, triggeredPipelineSchema } from '../common/schemas';
import type { CircleCITransport } from './transport';
import type { PipelineDefinition, TriggeredPipeline } from '../common/types';

/**
 * The action requests of the client.
 * @internal
 */
export class ActionRequests {
  /** Uses `transport` for every request. */
  constructor(private readonly transport: CircleCITransport) {}

  /** {@inheritDoc CircleCIApi.rerunWorkflow} */
  async rerunWorkflow(options: RerunWorkflowOptions): Promise<RerunWorkflowResult> {
    const jobs = options.jobIds?.map(id => checkId('job id', id));
    const data = await this.transport.post({
      path: `v2/workflow/${checkId('workflow id', options.workflowId)}/rerun`,
      body: {
        ...(options.fromFailed ? { from_failed: true } : {}),
        ...(jobs?.length ? { jobs } : {}),
      },
      schema: rerunSchema,
      signal: options.signal,
    });
    return { workflowId: data?.workflow_id };
  }

  /** {@inheritDoc CircleCIApi.cancelWorkflow} */
  async cancelWorkflow(options: CancelWorkflowOptions): Promise<void> {
    await this.transport.post({
      path: `v2/workflow/${checkId('workflow id', options.workflowId)}/cancel`,
      signal: options.signal,
    });
  }

  /** {@inheritDoc CircleCIApi.approveJob} */
  async approveJob(options: ApproveJobOptions): Promise<void> {
    const workflowId = checkId('workflow id', options.workflowId);
    const requestId = checkId('approval request id', options.approvalRequestId);
    await this.transport.post({
      path: `v2/workflow/${workflowId}/approve/${requestId}`,
      signal: options.signal,
    });
  }

  /** {@inheritDoc CircleCIApi.cancelJob} */
  async cancelJob(options: JobRef): Promise<void> {
    await this.transport.post({
      path: `v2/project/${jobPath({ job: options, infix: 'job/' })}/cancel`,
      signal: options.signal,
    });
  }

  /** {@inheritDoc CircleCIApi.triggerPipeline} */
  async triggerPipeline(options: TriggerPipelineOptions): Promise<TriggeredPipeline> {
    const slug = slugOf(options.projectSlug);
    const data = await this.transport.post({
      path: `v2/project/${toV2SlugPath(slug)}/pipeline`,
      body: {
        ...(options.branch ? { branch: options.branch } : {}),
        ...(options.tag ? { tag: options.tag } : {}),
        ...(options.parameters ? { parameters: options.parameters } : {}),
      },
      schema: triggeredPipelineSchema,
      signal: options.signal,
    });
    return data ?? {};
  }

  /** {@inheritDoc CircleCIApi.listPipelineDefinitions} */
  async listPipelineDefinitions(
    options: ListPipelineDefinitionsOptions,
  ): Promise<PipelineDefinition[]> {
    const data = await this.transport.get({
      path: `v2/projects/${checkSegment('project id', options.projectId)}/pipeline-definitions`,
      schema: z.object({ items: z.array(pipelineDefinitionSchema) }),
      signal: options.signal,
    });
    return data.items;
  }

  /** {@inheritDoc CircleCIApi.runPipeline} */
  async runPipeline(options: RunPipelineOptions): Promise<TriggeredPipeline> {
    const slug = slugOf(options.projectSlug);
    let ref: { branch: string } | { tag: string } | undefined;
    if (options.branch) ref = { branch: options.branch };
    else if (options.tag) ref = { tag: options.tag };
    const data = await this.transport.post({
      path: `v2/project/${toV2SlugPath(slug)}/pipeline/run`,
      body: {
        definition_id: checkId('pipeline definition id', options.definitionId),
        ...(ref ? { config: ref, checkout: ref } : {}),
        ...(options.parameters ? { parameters: options.parameters } : {}),
      },
      schema: triggeredPipelineSchema,
      signal: options.signal,
    });
    return data ?? {};
  }
}
