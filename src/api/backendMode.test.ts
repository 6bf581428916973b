import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/test-utils';
import { BackendPluginMissingError } from '@circleci-backstage/plugin-circleci-common';
import {
  BACKEND_BASE,
  backendMissingHandlers,
  createTestClient,
  setupFakeCircleCI,
} from '../__testUtils__/setup';
import { describeError } from '../domain/errors';
import { createCircleCIApi } from './createCircleCIApi';

const ctx = setupFakeCircleCI({ backend: true });
const ROCKET = 'gh/acme/rocket';

/** A backend-mode client that records the URLs it fetches. */
function observedClient() {
  const urls: string[] = [];
  const client = createTestClient({
    backend: true,
    fetch: (input, init) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    },
  });
  return { client, urls };
}

describe('the client in backend mode', () => {
  it('sends the same relative paths below the backend plugin (discoveryApi.getBaseUrl("circleci"))', async () => {
    const { client, urls } = observedClient();
    const page = await client.listPipelines({ projectSlug: ROCKET });
    await client.listWorkflows({ pipelineId: page.items[0].id });
    expect(urls).toEqual([
      `${BACKEND_BASE}/v2/project/gh/acme/rocket/pipeline`,
      `${BACKEND_BASE}/v2/pipeline/${page.items[0].id}/workflow`,
    ]);
    expect(ctx.backend.requests).toHaveLength(2);
  });

  it('reads a page of pipelines with all their workflows in one request', async () => {
    const { client, urls } = observedClient();
    const page = await client.listPipelinesWithWorkflows!({ projectSlug: ROCKET });
    expect(urls).toEqual([`${BACKEND_BASE}/pipelines?project=gh%2Facme%2Frocket`]);
    expect(page.items).toHaveLength(20);
    expect(page.nextPageToken).toEqual(expect.any(String));
    expect(page.staleAt).toBeUndefined();
    // The same pipelines and workflows as the CircleCI endpoints give.
    const proxyLike = createTestClient({ backend: true });
    const pipelines = await proxyLike.listPipelines({ projectSlug: ROCKET });
    expect(page.items.map(i => i.pipeline)).toEqual(pipelines.items);
    const first = await proxyLike.listWorkflows({ pipelineId: pipelines.items[0].id });
    expect(page.items[0].workflows).toEqual(first.items);

    const next = await client.listPipelinesWithWorkflows!({ projectSlug: ROCKET, pageToken: page.nextPageToken });
    expect(urls[1]).toBe(
      `${BACKEND_BASE}/pipelines?project=gh%2Facme%2Frocket&page-token=${encodeURIComponent(page.nextPageToken!)}`,
    );
    expect(next.items[0].pipeline.number).toBeLessThan(page.items[19].pipeline.number);
    const main = await client.listPipelinesWithWorkflows!({ projectSlug: ROCKET, branch: 'main' });
    expect(urls[2]).toBe(`${BACKEND_BASE}/pipelines?project=gh%2Facme%2Frocket&branch=main`);
    expect(main.items.length).toBeGreaterThan(0);
    expect(main.items.every(i => i.pipeline.vcs?.branch === 'main')).toBe(true);
  });

  it('gives null workflows for a pipeline whose workflow list failed, and the rest as usual', async () => {
    const client = createTestClient({ backend: true, retry: { maxAttempts: 1 } });
    const { items } = await client.listPipelines({ projectSlug: ROCKET });
    ctx.fake.failPath({ match: `GET v2/pipeline/${items[1].id}/workflow`, status: 500 });
    const page = await client.listPipelinesWithWorkflows!({ projectSlug: ROCKET });
    expect(page.items[1].workflows).toBeNull();
    expect(page.items[0].workflows?.length).toBeGreaterThan(0);
  });

  it('says when the backend served the answer from its cache during a rate limit', async () => {
    const storedAt = new Date('2030-01-02T09:05:00Z');
    ctx.backend.setStale(storedAt);
    const page = await createTestClient({ backend: true }).listPipelinesWithWorkflows!({ projectSlug: ROCKET });
    expect(page.staleAt).toEqual(storedAt);
  });

  it('says the backend plugin is missing when Backstage answers its bare 404, without a v2/me probe', async () => {
    ctx.server.use(...backendMissingHandlers());
    const { client, urls } = observedClient();
    const error = await client.listPipelines({ projectSlug: ROCKET }).catch(e => e);
    expect(error).toBeInstanceOf(BackendPluginMissingError);
    expect(urls).toHaveLength(1);
    await expect(client.listPipelinesWithWorkflows!({ projectSlug: ROCKET })).rejects.toBeInstanceOf(
      BackendPluginMissingError,
    );
    const description = describeError(error);
    expect(description.kind).toBe('backend-missing');
    expect(description.message.key).toBe('errors.backendMissingMessage');
  });

  it("keeps CircleCI's own 404 (with a body) a not-found, without a v2/me probe", async () => {
    const { client, urls } = observedClient();
    const error = await client.listPipelines({ projectSlug: 'gh/acme/missing' }).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(describeError(error).kind).toBe('not-found');
    expect(urls).toHaveLength(1);
  });
});

describe('the mode, from config', () => {
  const deps = (config: object) => ({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch },
    configApi: mockApis.config({ data: config }),
  });

  it('offers the aggregate only with circleci.backend.enabled, without any request', async () => {
    expect(createCircleCIApi(deps({})).listPipelinesWithWorkflows).toBeUndefined();
    expect(
      createCircleCIApi(deps({ circleci: { backend: { enabled: false } } })).listPipelinesWithWorkflows,
    ).toBeUndefined();
    const api = createCircleCIApi(deps({ circleci: { backend: { enabled: true }, proxyPath: '/elsewhere' } }));
    expect(api.listPipelinesWithWorkflows).toEqual(expect.any(Function));
    expect(ctx.backend.requests).toEqual([]);
    const page = await api.listPipelinesWithWorkflows!({ projectSlug: ROCKET });
    expect(page.items).toHaveLength(20);
    expect(ctx.backend.requests).toEqual(['GET pipelines?project=gh%2Facme%2Frocket']);
  });

  it('has no aggregate on a proxy-mode client', () => {
    expect(createTestClient().listPipelinesWithWorkflows).toBeUndefined();
  });

  it('names the entity of every action in its query, encoded once; the backend forwards none of it', async () => {
    const { client, urls } = observedClient();
    const { approval, failingJob } = ctx.fake.demo;
    const entityRef = 'component:default/rocket';
    const entity = 'entity=component%3Adefault%2Frocket';
    await client.rerunWorkflow({ workflowId: failingJob.workflowId, fromFailed: true, entityRef });
    await client.approveJob({ workflowId: approval.workflowId, approvalRequestId: approval.approvalRequestId, entityRef });
    await client.cancelWorkflow({ workflowId: approval.workflowId, entityRef });
    await client.triggerPipeline({ projectSlug: ROCKET, branch: 'main', entityRef });
    expect(urls).toEqual([
      `${BACKEND_BASE}/v2/workflow/${failingJob.workflowId}/rerun?${entity}`,
      `${BACKEND_BASE}/v2/workflow/${approval.workflowId}/approve/${approval.approvalRequestId}?${entity}`,
      `${BACKEND_BASE}/v2/workflow/${approval.workflowId}/cancel?${entity}`,
      `${BACKEND_BASE}/v2/project/gh/acme/rocket/pipeline?${entity}`,
    ]);
    expect(ctx.backend.posts.map(p => p.entity)).toEqual([entityRef, entityRef, entityRef, entityRef]);
    expect(ctx.fake.requests.filter(r => r.method === 'POST').map(r => r.path)).toEqual([
      `v2/workflow/${failingJob.workflowId}/rerun`,
      `v2/workflow/${approval.workflowId}/approve/${approval.approvalRequestId}`,
      `v2/workflow/${approval.workflowId}/cancel`,
      'v2/project/gh/acme/rocket/pipeline',
    ]);
  });

  it('gets the backend\'s 400 entity-missing for an action that names no entity, and nothing is sent upstream', async () => {
    const client = createTestClient({ backend: true });
    const error = await client
      .cancelJob({ projectSlug: ROCKET, jobNumber: ctx.fake.demo.failingJob.jobNumber })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError).statusCode).toBe(400);
    expect(ctx.backend.posts).toEqual([
      { path: `v2/project/gh/acme/rocket/job/${ctx.fake.demo.failingJob.jobNumber}/cancel`, entity: null },
    ]);
    expect(ctx.fake.requests.filter(r => r.method === 'POST')).toEqual([]);
  });
});
