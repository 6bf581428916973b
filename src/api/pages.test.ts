import { API_BASE, createTestClient, setupFakeCircleCI } from '../__testUtils__/setup';
import { http, HttpResponse } from 'msw';
import { collectPages } from './pages';
import type { Page } from '@circleci-backstage/plugin-circleci-common';

const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';

describe('collectPages', () => {
  it('reads every page of a real list through the client, in order', async () => {
    const client = createTestClient();
    const loaded: Array<string | undefined> = [];
    const { items, truncated, nextPageToken } = await collectPages({
      max: 50,
      load: pageToken => {
        loaded.push(pageToken);
        return client.listPipelines({ projectSlug: ROCKET, pageToken });
      },
    });
    expect(truncated).toBe(false);
    expect(nextPageToken).toBeUndefined();
    expect(loaded.length).toBeGreaterThan(2);
    expect(loaded[0]).toBeUndefined();
    expect(loaded.slice(1).every(token => typeof token === 'string')).toBe(true);
    expect(new Set(items.map(p => p.id)).size).toBe(items.length);
    const numbers = items.map(p => p.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(ctx.fake.requests).toHaveLength(loaded.length);
  });

  it('stops after max pages and says where it stopped', async () => {
    const client = createTestClient();
    const result = await collectPages({
      max: 2,
      load: pageToken => client.listPipelines({ projectSlug: ROCKET, pageToken }),
    });
    expect(result.truncated).toBe(true);
    expect(result.items).toHaveLength(40);
    expect(ctx.fake.requests).toHaveLength(2);
    const next = await client.listPipelines({ projectSlug: ROCKET, pageToken: result.nextPageToken });
    expect(next.items.length).toBeGreaterThan(0);
    expect(next.items[0].number).toBeLessThan(result.items[39].number);
  });

  it('reads one page when the first page is the last', async () => {
    const load = jest.fn(async (): Promise<Page<number>> => ({ items: [1, 2] }));
    await expect(collectPages({ load, max: 5 })).resolves.toEqual({ items: [1, 2], truncated: false });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('rejects with the error of a failed page', async () => {
    const client = createTestClient();
    ctx.server.use(
      http.get(`${API_BASE}/v2/project/gh/acme/rocket/pipeline`, ({ request }) =>
        new URL(request.url).searchParams.has('page-token')
          ? HttpResponse.json({ message: 'Project not found' }, { status: 400 })
          : undefined,
      ),
    );
    await expect(
      collectPages({
        max: 5,
        load: pageToken => client.listPipelines({ projectSlug: ROCKET, pageToken }),
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses max %p', async max => {
    const load = jest.fn(async (): Promise<Page<number>> => ({ items: [] }));
    await expect(collectPages({ load, max })).rejects.toBeInstanceOf(RangeError);
    expect(load).not.toHaveBeenCalled();
  });
});

describe('CircleCIClient.listArtifacts', () => {
  it('collects all artifact pages, and at most 20', async () => {
    const client = createTestClient();
    const { failingJob } = ctx.fake.demo;
    const path = `${API_BASE}/v2/project/gh/acme/rocket/${failingJob.jobNumber}/artifacts`;
    const tokens: Array<string | null> = [];
    ctx.server.use(
      http.get(path, ({ request }) => {
        const token = new URL(request.url).searchParams.get('page-token');
        tokens.push(token);
        const n = token ? Number(token) : 0;
        return HttpResponse.json({
          items: [{ path: `a${n}.txt`, node_index: 0, url: `https://output.circle-artifacts.com/a${n}` }],
          next_page_token: String(n + 1),
        });
      }),
    );
    const artifacts = await client.listArtifacts({ projectSlug: ROCKET, jobNumber: failingJob.jobNumber });
    expect(tokens).toHaveLength(20);
    expect(tokens[0]).toBeNull();
    expect(artifacts.items.map(a => a.path)).toEqual(Array.from({ length: 20 }, (_, i) => `a${i}.txt`));
    expect(artifacts.nextPageToken).toBe('20');
  });
});
