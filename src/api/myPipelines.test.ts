import { ResponseError } from '@backstage/errors';
import { createTestClient, setupFakeCircleCI } from '../__testUtils__/setup';
import { MalformedResponseError } from '@circleci-backstage/plugin-circleci-common';

const ctx = setupFakeCircleCI();

describe('listMyPipelines', () => {
  it("pages through the guest user's pipelines of a project, one request a page", async () => {
    const client = createTestClient();
    const slug = ctx.fake.demo.slugs.monorepo;
    const me = await client.getMe();
    const first = await client.listMyPipelines({ projectSlug: slug });
    expect(first.items).toHaveLength(20);
    expect(first.nextPageToken).toBeTruthy();
    const second = await client.listMyPipelines({ projectSlug: slug, pageToken: first.nextPageToken });
    const all = [...first.items, ...second.items];
    expect(all.every(p => p.trigger.actor.login === me.login)).toBe(true);
    expect(new Set(all.map(p => p.id)).size).toBe(all.length);
    expect(ctx.fake.requests.map(r => r.path).filter(p => p.includes('/mine'))).toEqual([
      `v2/project/${slug}/pipeline/mine`,
      `v2/project/${slug}/pipeline/mine?page-token=${encodeURIComponent(first.nextPageToken!)}`,
    ]);
  });

  it('rejects a refusal with its status and a malformed body with a clear error', async () => {
    const client = createTestClient();
    const remove = ctx.fake.failPath({ match: 'pipeline/mine', status: 404 });
    const refused = await client.listMyPipelines({ projectSlug: 'gh/acme/rocket' }).catch(e => e);
    expect(refused).toBeInstanceOf(ResponseError);
    expect((refused as ResponseError).statusCode).toBe(404);
    remove();
    ctx.fake.failPath({ match: 'pipeline/mine', mode: 'wrong-type' });
    await expect(client.listMyPipelines({ projectSlug: 'gh/acme/rocket' })).rejects.toBeInstanceOf(
      MalformedResponseError,
    );
  });
});
