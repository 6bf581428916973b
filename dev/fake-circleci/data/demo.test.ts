/**
 * @jest-environment node
 */

/*
 * The demo facts point at what they name: the errored pipelines (config
 * errors, as real projects have them) and the quirk targets.
 */

import { createFakeCircleCI } from '..';
import { callFake } from '../testing';

type Item = Record<string, unknown>;
type Page = { items: Item[]; next_page_token: string | null };

const START = Date.parse('2026-03-10T09:00:00Z');

function setup(seed = 1) {
  const fake = createFakeCircleCI({ seed, now: () => START, startTime: START });
  const get = async <T = Page>(path: string) => (await callFake({ fake, path })).json<T>();
  return { fake, get };
}

describe('fake CircleCI demo facts: errored pipelines', () => {
  it('one errored pipeline (config-fetch) is on the first page, with no workflows', async () => {
    const { fake, get } = setup();
    const { configFetch } = fake.demo.erroredPipelines;
    expect(configFetch).toEqual({
      projectSlug: 'gh/acme/rocket',
      pipelineNumber: expect.any(Number),
      pipelineId: expect.any(String),
      errors: [{ type: 'config-fetch', message: 'Failed to fetch config.yml file.' }],
      onFirstPage: true,
    });
    expect(fake.demo.pipelines.errored).toBe(configFetch.pipelineNumber);
    const firstPage = (await get(`v2/project/${configFetch.projectSlug}/pipeline`)).items;
    expect(firstPage).toHaveLength(20);
    const errored = firstPage.filter(p => p.state === 'errored');
    expect(errored).toHaveLength(1);
    expect(errored[0]).toMatchObject({
      id: configFetch.pipelineId,
      number: configFetch.pipelineNumber,
      errors: configFetch.errors,
      vcs: { branch: expect.any(String), revision: expect.any(String) },
    });
    expect(await get(`v2/pipeline/${configFetch.pipelineId}/workflow`)).toEqual({
      items: [],
      next_page_token: null,
    });
  });

  it('an older errored pipeline has a config compile error', async () => {
    const { fake, get } = setup();
    const { configCompile, configFetch } = fake.demo.erroredPipelines;
    expect(configCompile.onFirstPage).toBe(false);
    expect(configCompile.pipelineNumber).toBeLessThan(configFetch.pipelineNumber);
    expect(configCompile.errors).toHaveLength(1);
    expect(configCompile.errors[0].type).toBe('config');
    expect(configCompile.errors[0].message).toMatch(/^ERROR IN CONFIG FILE:\n\[#\/jobs\/lint\]/);
    const pipeline = await get<Item>(
      `v2/project/${configCompile.projectSlug}/pipeline/${configCompile.pipelineNumber}`,
    );
    expect(pipeline).toMatchObject({
      id: configCompile.pipelineId,
      state: 'errored',
      errors: configCompile.errors,
    });
    expect((await get(`v2/pipeline/${configCompile.pipelineId}/workflow`)).items).toEqual([]);
    const all = fake.state.projects.flatMap(p => p.pipelines).filter(p => p.state === 'errored');
    expect(all.map(p => p.number)).toEqual([
      configCompile.pipelineNumber,
      configFetch.pipelineNumber,
    ]);
  });

  it('numbers do not depend on the seed; ids do', () => {
    const one = setup(1).fake.demo;
    const two = setup(2).fake.demo;
    expect(two.erroredPipelines.configFetch.pipelineNumber).toBe(
      one.erroredPipelines.configFetch.pipelineNumber,
    );
    expect(two.erroredPipelines.configFetch.pipelineId).not.toBe(
      one.erroredPipelines.configFetch.pipelineId,
    );
    expect(two.quirks.nullStatusJob.jobNumber).toBe(one.quirks.nullStatusJob.jobNumber);
    expect(two.quirks.emptyStoppedAtWorkflow.pipelineNumber).toBe(
      one.quirks.emptyStoppedAtWorkflow.pipelineNumber,
    );
  });

  it('the quirk targets are finished work on the first page', async () => {
    const { fake, get } = setup();
    const { nullStatusJob, emptyStoppedAtWorkflow } = fake.demo.quirks;
    const numbers = (await get('v2/project/gh/acme/rocket/pipeline')).items.map(p => p.number);
    expect(numbers).toContain(nullStatusJob.pipelineNumber);
    expect(numbers).toContain(emptyStoppedAtWorkflow.pipelineNumber);
    expect(nullStatusJob.jobName).toBe('lint');
    expect(emptyStoppedAtWorkflow.name).toBe('nightly-audit');
    const workflow = await get<Item>(`v2/workflow/${emptyStoppedAtWorkflow.workflowId}`);
    expect(workflow.status).toBe('not_run');
  });
});

describe('fake CircleCI demo facts: gh/acme/secret', () => {
  it('the project no demo entity names is served like any other, by slug and by id', async () => {
    const { fake, get } = setup();
    const { secret } = fake.demo;
    expect(secret.projectSlug).toBe('gh/acme/secret');
    expect(fake.demo.slugs.secret).toBe('gh/acme/secret');
    const pipelines = (await get(`v2/project/${secret.projectSlug}/pipeline`)).items;
    expect(pipelines.map(p => p.number)).toEqual([42, 41, 40]);
    expect(pipelines[0].id).toBe(secret.pipelineId);
    const failed = await get<Item>(`v2/workflow/${secret.failedWorkflowId}`);
    expect(failed).toMatchObject({ project_slug: 'gh/acme/secret', status: 'failed' });
    const jobs = (await get(`v2/workflow/${secret.failedWorkflowId}/job`)).items;
    expect(jobs.find(j => j.job_number === secret.failedJob.jobNumber)).toMatchObject({ status: 'failed' });
    const onHold = await get<Item>(`v2/workflow/${secret.approval.workflowId}`);
    expect(onHold).toMatchObject({ project_slug: 'gh/acme/secret', status: 'on_hold' });
    expect(secret.approval.approvalRequestId).not.toBe('');
  });
});
