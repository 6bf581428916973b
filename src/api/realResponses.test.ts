/*
 * What real CircleCI sends that the spec does not promise, answered with
 * bodies shaped like the real ones, through the real client.
 */
import { http, HttpResponse } from 'msw';
import { API_BASE, createTestClient, setupFakeCircleCI } from '../__testUtils__/setup';
import { normalizeStatus } from '../domain/status';
import { MalformedResponseError } from '@circleci-backstage/plugin-circleci-common';

const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';
const PIPELINE_ID = '98b1071e-c364-4b39-91b9-820b8588e2ae';
const WORKFLOW_ID = '9552b8fe-f5b7-4f7b-92a3-8bedc0ee35ca';
const JOB_ID = '8aa5022e-ad9c-49c4-a45d-9ce04def8b00';
const REQUEST_ID = '0e53027b-521a-4c40-9042-47e72b3c63a3';

const workflow = {
  pipeline_id: PIPELINE_ID,
  id: WORKFLOW_ID,
  name: 'workflow',
  project_slug: ROCKET,
  status: 'success',
  started_by: 'fb72a952-6ec3-49ae-97df-b3f7e12f6093',
  pipeline_number: 154,
  created_at: '2020-12-24T12:59:23Z',
  stopped_at: '2020-12-24T13:00:08Z',
};

const job = {
  dependencies: [],
  job_number: 155,
  id: JOB_ID,
  started_at: '2020-12-24T12:59:27Z',
  name: 'build',
  project_slug: ROCKET,
  status: 'success',
  type: 'build',
  stopped_at: '2020-12-24T13:00:08Z',
};

const jobDetails = {
  web_url: 'https://app.circleci.com/pipelines/github/acme/rocket/154/workflows/x/jobs/155',
  project: { slug: ROCKET, name: 'rocket', external_url: 'https://github.com/acme/rocket' },
  parallel_runs: [{ index: 0, status: 'success' }],
  started_at: '2020-12-24T12:59:27Z',
  latest_workflow: { id: WORKFLOW_ID, name: 'workflow' },
  name: 'build',
  executor: { resource_class: 'medium', type: 'docker' },
  parallelism: 1,
  status: 'success',
  number: 155,
  pipeline: { id: PIPELINE_ID },
  duration: 41000,
  created_at: '2020-12-24T12:59:24Z',
  messages: [],
  contexts: [],
  organization: { name: 'acme' },
  queued_at: '2020-12-24T12:59:24Z',
  stopped_at: '2020-12-24T13:00:08Z',
};

const erroredPipeline = {
  id: PIPELINE_ID,
  errors: [{ type: 'config-fetch', message: 'Failed to fetch config.yml file.' }],
  project_slug: ROCKET,
  updated_at: '2021-03-02T09:14:05.302Z',
  number: 155,
  state: 'errored',
  created_at: '2021-03-02T09:14:05.302Z',
  trigger: {
    received_at: '2021-03-02T09:14:05.173Z',
    type: 'webhook',
    actor: { login: 'lukaszgryglicki', avatar_url: 'https://avatars2.githubusercontent.com/u/2469783?v=4' },
  },
  vcs: {
    origin_repository_url: 'https://github.com/acme/rocket',
    target_repository_url: 'https://github.com/acme/rocket',
    revision: 'db4e4736effbf25d0b48f9027dd81660fc114cb4',
    provider_name: 'GitHub',
    commit: { body: '', subject: 'Remove the CircleCI config' },
    branch: 'master',
  },
};

function answer(method: 'get' | 'post', path: string, response: () => Response): void {
  ctx.server.use(http[method](`${API_BASE}/${path}`, response));
}

describe('real GET answers', () => {
  it('reads /me with "name": null', async () => {
    answer('get', 'v2/me', () =>
      HttpResponse.json({ id: 'fb72a952-6ec3-49ae-97df-b3f7e12f6093', login: 'lukaszgryglicki', name: null }),
    );
    await expect(createTestClient().getMe()).resolves.toEqual({
      id: 'fb72a952-6ec3-49ae-97df-b3f7e12f6093',
      login: 'lukaszgryglicki',
      name: null,
    });
  });

  it('reads a job status of null in the job list and in the job details', async () => {
    const client = createTestClient();
    answer('get', `v2/workflow/${WORKFLOW_ID}/job`, () =>
      HttpResponse.json({ next_page_token: null, items: [{ ...job, status: null }] }),
    );
    answer('get', 'v2/project/gh/acme/rocket/job/155', () =>
      HttpResponse.json({ ...jobDetails, status: null }),
    );
    const [listed] = (await client.listJobs({ workflowId: WORKFLOW_ID })).items;
    expect(listed.status).toBeNull();
    expect(normalizeStatus(listed.status)).toBe('unknown');
    const details = await client.getJob({ projectSlug: ROCKET, jobNumber: 155 });
    expect(details.status).toBeNull();
    expect(normalizeStatus(details.status)).toBe('unknown');
  });

  it('reads an empty-string date as no date', async () => {
    const client = createTestClient();
    answer('get', `v2/workflow/${WORKFLOW_ID}`, () =>
      HttpResponse.json({ ...workflow, status: 'canceled', stopped_at: '' }),
    );
    answer('get', `v2/workflow/${WORKFLOW_ID}/job`, () =>
      HttpResponse.json({ next_page_token: null, items: [{ ...job, stopped_at: '' }, { ...job, started_at: '' }] }),
    );
    expect((await client.getWorkflow({ workflowId: WORKFLOW_ID })).stopped_at).toBeNull();
    const [stopped, started] = (await client.listJobs({ workflowId: WORKFLOW_ID })).items;
    // A date that is there stays as sent.
    expect(stopped).toMatchObject({ started_at: job.started_at, stopped_at: null });
    expect(started).toMatchObject({ started_at: null, stopped_at: job.stopped_at });
  });

  it('reads an errored pipeline with its errors, alone and in the list', async () => {
    const client = createTestClient();
    answer('get', `v2/pipeline/${PIPELINE_ID}`, () => HttpResponse.json(erroredPipeline));
    answer('get', 'v2/project/gh/acme/rocket/pipeline', () =>
      HttpResponse.json({ next_page_token: null, items: [erroredPipeline] }),
    );
    const expected = {
      state: 'errored',
      errors: [{ type: 'config-fetch', message: 'Failed to fetch config.yml file.' }],
    };
    expect(await client.getPipeline({ pipelineId: PIPELINE_ID })).toMatchObject(expected);
    expect((await client.listPipelines({ projectSlug: ROCKET })).items).toEqual([
      expect.objectContaining(expected),
    ]);
  });

  it('still refuses a body of the wrong shape', async () => {
    answer('get', 'v2/me', () => HttpResponse.json({ id: 7, login: 'x', name: null }));
    await expect(createTestClient().getMe()).rejects.toBeInstanceOf(MalformedResponseError);
  });
});

describe('real POST answers: any 2xx is a success', () => {
  it('resolves a rerun answered 202 {"message": "Accepted."} without a workflow id', async () => {
    let posts = 0;
    answer('post', `v2/workflow/${WORKFLOW_ID}/rerun`, () => {
      posts++;
      return HttpResponse.json({ message: 'Accepted.' }, { status: 202 });
    });
    await expect(
      createTestClient().rerunWorkflow({ workflowId: WORKFLOW_ID, fromFailed: true }),
    ).resolves.toEqual({ workflowId: undefined });
    expect(posts).toBe(1);
  });

  it.each([
    ['202 {"message": "Accepted."}', () => HttpResponse.json({ message: 'Accepted.' }, { status: 202 })],
    ['204', () => new HttpResponse(null, { status: 204 })],
    ['an empty 200', () => new HttpResponse('', { status: 200 })],
    ['200 text', () => new HttpResponse('OK', { status: 200, headers: { 'Content-Type': 'text/plain' } })],
  ])('resolves cancel, approve, cancel job and rerun answered %s', async (_, response) => {
    const client = createTestClient();
    answer('post', `v2/workflow/${WORKFLOW_ID}/rerun`, response);
    answer('post', `v2/workflow/${WORKFLOW_ID}/cancel`, response);
    answer('post', `v2/workflow/${WORKFLOW_ID}/approve/${REQUEST_ID}`, response);
    answer('post', 'v2/project/gh/acme/rocket/job/155/cancel', response);
    await expect(client.rerunWorkflow({ workflowId: WORKFLOW_ID })).resolves.toEqual({
      workflowId: undefined,
    });
    await expect(client.cancelWorkflow({ workflowId: WORKFLOW_ID })).resolves.toBeUndefined();
    await expect(
      client.approveJob({ workflowId: WORKFLOW_ID, approvalRequestId: REQUEST_ID }),
    ).resolves.toBeUndefined();
    await expect(client.cancelJob({ projectSlug: ROCKET, jobNumber: 155 })).resolves.toBeUndefined();
  });

  it('resolves a trigger with what its answer says', async () => {
    const client = createTestClient();
    const bodies: Array<Record<string, string | number>> = [
      { message: 'Accepted.' },
      { id: PIPELINE_ID, number: '155', state: 'pending' },
      { id: PIPELINE_ID, state: 'created', number: 155, created_at: '2021-03-02T09:14:05.302Z' },
    ];
    answer('post', 'v2/project/gh/acme/rocket/pipeline', () =>
      HttpResponse.json(bodies.shift() ?? {}, { status: 201 }),
    );
    await expect(client.triggerPipeline({ projectSlug: ROCKET, branch: 'main' })).resolves.toEqual({});
    await expect(client.triggerPipeline({ projectSlug: ROCKET, branch: 'main' })).resolves.toEqual({
      id: PIPELINE_ID,
      state: 'pending',
    });
    await expect(client.triggerPipeline({ projectSlug: ROCKET, tag: 'v1' })).resolves.toEqual({
      id: PIPELINE_ID,
      state: 'created',
      number: 155,
      created_at: '2021-03-02T09:14:05.302Z',
    });
    answer('post', 'v2/project/gh/acme/rocket/pipeline', () => new HttpResponse(null, { status: 204 }));
    await expect(client.triggerPipeline({ projectSlug: ROCKET, branch: 'main' })).resolves.toEqual({});
  });

  it('still rejects a POST that was redirected to an HTML sign-in page', async () => {
    answer('post', `v2/workflow/${WORKFLOW_ID}/cancel`, () =>
      HttpResponse.redirect('https://sso.example.com/login', 302),
    );
    ctx.server.use(
      http.get('https://sso.example.com/login', () =>
        HttpResponse.html('<!doctype html><title>Sign in</title>'),
      ),
    );
    await expect(
      createTestClient().cancelWorkflow({ workflowId: WORKFLOW_ID }),
    ).rejects.toBeInstanceOf(MalformedResponseError);
  });
});
