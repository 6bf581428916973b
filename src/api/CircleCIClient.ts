import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CircleCIApi, JobRef, RequestOptions } from './CircleCIApi';
import { DEFAULT_RETRY_POLICY, RetryPolicy } from './retry';
import {
  artifactSchema,
  currentUserSchema,
  jobDetailsSchema,
  jobStepsSchema,
  pageSchema,
  pipelineSchema,
  rerunSchema,
  testResultSchema,
  triggeredPipelineSchema,
  workflowJobSchema,
  workflowSchema,
} from './schemas';
import { parseProjectSlug, ProjectSlug, toV1SlugPath, toV2SlugPath } from '../domain/slug';
import { Call, CircleCITransport } from './transport';
import type { Artifact, Page } from './types';

/**
 * Options for {@link CircleCIClient}.
 * @public
 */
export interface CircleCIClientOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
  /** The proxy endpoint's path. Default `/circleci/api`. */
  proxyPath?: string;
  /** How GET requests are retried. */
  retryPolicy?: Partial<RetryPolicy>;
  /** How long one attempt may take. Default 30 s. */
  timeoutMs?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_ARTIFACT_PAGES = 20;


function checkId(label: string, id: string): string {
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw new TypeError(`Invalid ${label} ${JSON.stringify(id)}: expected a UUID.`);
  }
  return id;
}

function checkNumber(label: string, n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new TypeError(`Invalid ${label} ${JSON.stringify(n)}: expected a whole number.`);
  }
  return n;
}

function slugOf(slug: string | ProjectSlug): ProjectSlug {
  return typeof slug === 'string' ? parseProjectSlug(slug) : parseProjectSlug(slug.slug);
}

function toPage<T>(data: { items: T[]; next_page_token?: string | null }): Page<T> {
  return data.next_page_token
    ? { items: data.items, nextPageToken: data.next_page_token }
    : { items: data.items };
}

/**
 * The {@link CircleCIApi} over HTTP, through the Backstage proxy. Every
 * request goes through `fetchApi.fetch`, so the Backstage token reaches the
 * proxy, which adds the `Circle-Token` header. Responses are checked at the
 * boundary; GET requests are retried within a bound.
 * @public
 */
export class CircleCIClient implements CircleCIApi {
  private readonly transport: CircleCITransport;

  constructor(options: CircleCIClientOptions) {
    this.transport = new CircleCITransport({
      discoveryApi: options.discoveryApi,
      fetchApi: options.fetchApi,
      proxyPath: `/${(options.proxyPath ?? '/circleci/api').replace(/^\/+|\/+$/g, '')}`,
      retryPolicy: { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy },
      timeoutMs: options.timeoutMs ?? 30_000,
    });
  }

  private call<T>(call: Call<T>): Promise<T> {
    return this.transport.call(call);
  }

  async listPipelines(options: Parameters<CircleCIApi['listPipelines']>[0]) {
    const slug = slugOf(options.projectSlug);
    const data = await this.call({
      path: `v2/project/${toV2SlugPath(slug)}/pipeline`,
      query: { branch: options.branch, 'page-token': options.pageToken },
      schema: pageSchema(pipelineSchema),
      signal: options.signal,
    });
    return toPage(data);
  }

  async getPipeline(options: RequestOptions & { pipelineId: string }) {
    return this.call({
      path: `v2/pipeline/${checkId('pipeline id', options.pipelineId)}`,
      schema: pipelineSchema,
      signal: options.signal,
    });
  }

  async listWorkflows(options: RequestOptions & { pipelineId: string; pageToken?: string }) {
    const data = await this.call({
      path: `v2/pipeline/${checkId('pipeline id', options.pipelineId)}/workflow`,
      query: { 'page-token': options.pageToken },
      schema: pageSchema(workflowSchema),
      signal: options.signal,
    });
    return toPage(data);
  }

  async getWorkflow(options: RequestOptions & { workflowId: string }) {
    return this.call({
      path: `v2/workflow/${checkId('workflow id', options.workflowId)}`,
      schema: workflowSchema,
      signal: options.signal,
    });
  }

  async listJobs(options: RequestOptions & { workflowId: string; pageToken?: string }) {
    const data = await this.call({
      path: `v2/workflow/${checkId('workflow id', options.workflowId)}/job`,
      query: { 'page-token': options.pageToken },
      schema: pageSchema(workflowJobSchema),
      signal: options.signal,
    });
    return toPage(data);
  }

  async getJob(options: JobRef) {
    return this.call({
      path: `v2/project/${this.jobPath(options, 'job/')}`,
      schema: jobDetailsSchema,
      signal: options.signal,
    });
  }

  async listTests(options: JobRef & { pageToken?: string }) {
    const data = await this.call({
      path: `v2/project/${this.jobPath(options)}/tests`,
      query: { 'page-token': options.pageToken },
      schema: pageSchema(testResultSchema),
      signal: options.signal,
    });
    return toPage(data);
  }

  async listArtifacts(options: JobRef) {
    const items: Artifact[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_ARTIFACT_PAGES; page++) {
      const data = await this.call({
        path: `v2/project/${this.jobPath(options)}/artifacts`,
        query: { 'page-token': pageToken },
        schema: pageSchema(artifactSchema),
        signal: options.signal,
      });
      items.push(...data.items);
      pageToken = data.next_page_token ?? undefined;
      if (!pageToken) return { items };
    }
    return { items, nextPageToken: pageToken };
  }

  async getJobSteps(options: JobRef) {
    const slug = slugOf(options.projectSlug);
    const n = checkNumber('job number', options.jobNumber);
    return this.call({
      path: `v1.1/project/${toV1SlugPath(slug)}/${n}`,
      schema: jobStepsSchema,
      signal: options.signal,
    });
  }

  async getStepOutput(options: Parameters<CircleCIApi['getStepOutput']>[0]) {
    const index = checkNumber('container index', options.containerIndex);
    const step = checkNumber('step number', options.stepNumber);
    return this.call<string>({
      path: `private/output/raw/${this.jobPath(options)}/output/${index}/${step}`,
      text: true,
      signal: options.signal,
      onProgress: options.onProgress,
    });
  }

  async rerunWorkflow(
    options: RequestOptions & { workflowId: string; fromFailed?: boolean; jobIds?: string[] },
  ) {
    const jobs = options.jobIds?.map(id => checkId('job id', id));
    const data = await this.call({
      method: 'POST',
      path: `v2/workflow/${checkId('workflow id', options.workflowId)}/rerun`,
      body: {
        ...(options.fromFailed ? { from_failed: true } : {}),
        ...(jobs?.length ? { jobs } : {}),
      },
      schema: rerunSchema,
      signal: options.signal,
    });
    return { workflowId: data.workflow_id };
  }

  async cancelWorkflow(options: RequestOptions & { workflowId: string }) {
    await this.call({
      method: 'POST',
      path: `v2/workflow/${checkId('workflow id', options.workflowId)}/cancel`,
      signal: options.signal,
    });
  }

  async approveJob(
    options: RequestOptions & { workflowId: string; approvalRequestId: string },
  ) {
    const workflowId = checkId('workflow id', options.workflowId);
    const requestId = checkId('approval request id', options.approvalRequestId);
    await this.call({
      method: 'POST',
      path: `v2/workflow/${workflowId}/approve/${requestId}`,
      signal: options.signal,
    });
  }

  async cancelJob(options: JobRef) {
    await this.call({
      method: 'POST',
      path: `v2/project/${this.jobPath(options, 'job/')}/cancel`,
      signal: options.signal,
    });
  }

  async triggerPipeline(options: Parameters<CircleCIApi['triggerPipeline']>[0]) {
    const slug = slugOf(options.projectSlug);
    return this.call({
      method: 'POST',
      path: `v2/project/${toV2SlugPath(slug)}/pipeline`,
      body: {
        ...(options.branch ? { branch: options.branch } : {}),
        ...(options.tag ? { tag: options.tag } : {}),
        ...(options.parameters ? { parameters: options.parameters } : {}),
      },
      schema: triggeredPipelineSchema,
      signal: options.signal,
    });
  }

  async getMe(options?: RequestOptions) {
    return this.call({ path: 'v2/me', schema: currentUserSchema, signal: options?.signal });
  }

  /** `{slug}/{infix}{jobNumber}` for v2 and private paths. */
  private jobPath(options: JobRef, infix = ''): string {
    const slug = slugOf(options.projectSlug);
    return `${toV2SlugPath(slug)}/${infix}${checkNumber('job number', options.jobNumber)}`;
  }
}
