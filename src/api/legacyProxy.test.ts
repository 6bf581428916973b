import { ResponseError } from '@backstage/errors';
import { createTestClient, setupFakeCircleCI } from '../__testUtils__/setup';
import { describeError } from '../domain/errors';
import { LegacyProxyTargetError } from '@circleci-backstage/plugin-circleci-common';

const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';

function paths(): string[] {
  return ctx.fake.requests.map(r => `${r.method} ${r.path.replace(/\?.*/, '')}`);
}

/** A proxy whose target is `…/api/v1.1`: every v2 path answers 404. */
function targetV11(): void {
  ctx.fake.failPath({ match: /^GET v2\//, status: 404 });
}

describe('CircleCIClient.listPipelines and a proxy that targets API v1.1', () => {
  it('tells a v1.1 target from a missing project on the first page', async () => {
    const client = createTestClient();
    targetV11();
    const error = await client.listPipelines({ projectSlug: ROCKET }).catch(e => e);
    expect(error).toBeInstanceOf(LegacyProxyTargetError);
    expect(describeError(error)).toMatchObject({ kind: 'legacy-proxy' });
    expect(error.message).toMatch(/https:\/\/circleci.com\/api \(without \/v1.1\)/);
    expect(paths()).toEqual(['GET v2/project/gh/acme/rocket/pipeline', 'GET v2/me']);
  });

  it('also on a later page', async () => {
    const client = createTestClient();
    const first = await client.listPipelines({ projectSlug: ROCKET });
    targetV11();
    await expect(
      client.listPipelines({ projectSlug: ROCKET, pageToken: first.nextPageToken }),
    ).rejects.toBeInstanceOf(LegacyProxyTargetError);
  });

  it('leaves the 404 of a missing project as it is', async () => {
    const client = createTestClient();
    const error = await client.listPipelines({ projectSlug: 'gh/acme/missing' }).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(describeError(error, { subject: 'project gh/acme/missing' }).kind).toBe('not-found');
    expect(paths()).toEqual(['GET v2/project/gh/acme/missing/pipeline', 'GET v2/me']);
  });

  it('leaves the 404 as it is when v2/me fails otherwise', async () => {
    const client = createTestClient();
    ctx.fake.failPath({ match: /^GET v2\/project\//, status: 404 });
    ctx.fake.failPath({ match: /^GET v2\/me/, status: 401 });
    const error = await client.listPipelines({ projectSlug: ROCKET }).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
  });

  it('asks v2/me nothing for other errors', async () => {
    const client = createTestClient();
    ctx.fake.failPath({ match: /^GET v2\/project\//, status: 403 });
    await expect(client.listPipelines({ projectSlug: ROCKET })).rejects.toMatchObject({
      statusCode: 403,
    });
    expect(paths()).toEqual(['GET v2/project/gh/acme/rocket/pipeline']);
  });
});
