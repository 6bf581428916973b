/*
 * The backend plugin's aggregate read, `GET /api/circleci/pipelines`: a
 * page of a project's pipelines with every pipeline's workflows, in one
 * request. It is the plugin's own route, not a CircleCI endpoint, so it is
 * not in the endpoint table; its parts are checked with the table's
 * pipeline and workflow schemas.
 */
import { z } from 'zod';
import {
  parseProjectSlug,
  pipelineSchema,
  workflowSchema,
  type ListPipelinesOptions,
  type Pipeline,
  type Workflow,
} from '@circleci-backstage/plugin-circleci-common';
import type { CircleCITransport } from './transport';

/**
 * A pipeline with its workflows, as the backend plugin's aggregate answers it.
 * @public
 */
export interface PipelineWithWorkflows {
  /** The pipeline. */
  pipeline: Pipeline;
  /**
   * Every workflow of the pipeline (all pages, up to the table's cap), or
   * null when the backend could not read them (or one did not pass its
   * check): the caller then reads that pipeline's workflows itself.
   */
  workflows: Workflow[] | null;
}

/**
 * A page of {@link PipelineWithWorkflows}, newest first (20 a page).
 * @public
 */
export interface PipelinesWithWorkflowsPage {
  /** The pipelines of the page, each with its workflows. */
  items: PipelineWithWorkflows[];
  /** The token of the next page, when there is one. */
  nextPageToken?: string;
  /**
   * Set when the backend answered from its cache because CircleCI
   * rate-limits: the oldest time a part of the answer was stored.
   */
  staleAt?: Date;
}

/** The answer's frame; each item's workflows are checked on their own. */
const aggregateSchema = z.object({
  items: z.array(z.object({ pipeline: pipelineSchema, workflows: z.unknown() })),
  next_page_token: z.string().nullable().optional(),
});

const workflowsSchema = z.array(workflowSchema).nullable();

/**
 * Reads one page of the aggregate over the transport (backend mode only).
 * A pipeline that does not pass its check fails the page, as
 * `listPipelines` does; workflows that do not pass theirs become null, so
 * that pipeline's row reads them alone and shows its own error.
 */
export async function sendPipelinesWithWorkflows(options: {
  transport: CircleCITransport;
  values: ListPipelinesOptions;
}): Promise<PipelinesWithWorkflowsPage> {
  const { transport, values } = options;
  const { projectSlug } = values;
  const project = typeof projectSlug === 'string' ? parseProjectSlug(projectSlug) : projectSlug;
  let staleAt: Date | undefined;
  const body = await transport.get({
    endpoint: 'listPipelines',
    path: 'pipelines',
    query: { project: project.slug, branch: values.branch, 'page-token': values.pageToken },
    schema: aggregateSchema,
    signal: values.signal,
    onStale: storedAt => {
      staleAt = storedAt;
    },
  });
  const items = body.items.map(item => {
    const workflows = workflowsSchema.safeParse(item.workflows ?? null);
    return { pipeline: item.pipeline, workflows: workflows.success ? workflows.data : null };
  });
  const page: PipelinesWithWorkflowsPage = { items };
  if (body.next_page_token) page.nextPageToken = body.next_page_token;
  if (staleAt) page.staleAt = staleAt;
  return page;
}
