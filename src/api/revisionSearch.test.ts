import { createTestClient, setupFakeCircleCI } from '../__testUtils__/setup';
import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';

const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';
let baseline = 0;
beforeEach(() => {
  baseline = 0;
});

async function allPipelines(): Promise<Pipeline[]> {
  const client = createTestClient();
  const all: Pipeline[] = [];
  let pageToken: string | undefined;
  do {
    const page = await client.listPipelines({ projectSlug: ROCKET, pageToken });
    all.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken);
  baseline = ctx.fake.requests.length;
  return all;
}

function pipelineRequests(): string[] {
  return ctx.fake.requests.slice(baseline).map(r => `${r.method} ${r.path}`);
}

describe('findPipelinesByRevision', () => {
  it('finds a commit on the first page with a short SHA and stops there', async () => {
    const all = await allPipelines();
    const target = all[1];
    const revision = target.vcs!.revision.slice(0, 7).toUpperCase();
    const progress: number[] = [];
    const result = await createTestClient().findPipelinesByRevision({
      projectSlug: ROCKET,
      revision,
      onProgress: p => progress.push(p.pagesRead),
    });
    const expected = all.filter(p => p.vcs?.revision === target.vcs!.revision).map(p => p.id);
    expect(result.matches.map(p => p.id)).toEqual(expected);
    expect(result.stoppedBecause).toBe('settled');
    expect(result.pagesRead).toBe(1);
    expect(result.pipelinesScanned).toBe(20);
    expect(progress).toEqual([1]);
    expect(pipelineRequests()).toEqual([`GET v2/project/${ROCKET}/pipeline`]);
  });

  it('walks to a deeper page for an older commit, one request a page', async () => {
    const all = await allPipelines();
    const target = all[45];
    const result = await createTestClient().findPipelinesByRevision({
      projectSlug: ROCKET,
      revision: target.vcs!.revision,
    });
    expect(result.matches.map(p => p.id)).toContain(target.id);
    expect(result.pagesRead).toBe(3);
    expect(pipelineRequests()).toHaveLength(3);
    expect(pipelineRequests().every(r => r.startsWith(`GET v2/project/${ROCKET}/pipeline`))).toBe(true);
  });

  it('sends at most maxPages requests for a commit it cannot find, and can go on', async () => {
    const client = createTestClient();
    const first = await client.findPipelinesByRevision({
      projectSlug: ROCKET,
      revision: 'deadbeefdeadbeef',
      maxPages: 2,
    });
    expect(first).toMatchObject({ matches: [], pagesRead: 2, pipelinesScanned: 40, stoppedBecause: 'max-pages' });
    expect(first.nextPageToken).toBeTruthy();
    expect(pipelineRequests()).toHaveLength(2);
    const further = await client.findPipelinesByRevision({
      projectSlug: ROCKET,
      revision: 'deadbeefdeadbeef',
      maxPages: 2,
      pageToken: first.nextPageToken,
    });
    expect(further.stoppedBecause).toBe('end');
    expect(further.nextPageToken).toBeUndefined();
    expect(40 + further.pipelinesScanned).toBe(65);
    expect(pipelineRequests()).toHaveLength(4);
  });

  it('reads at most 10 pages by default', async () => {
    const result = await createTestClient().findPipelinesByRevision({
      projectSlug: ROCKET,
      revision: 'deadbee',
    });
    expect(result.pagesRead).toBeLessThanOrEqual(10);
    expect(pipelineRequests()).toHaveLength(result.pagesRead);
  });

  it('filters by branch on the server', async () => {
    const all = await allPipelines();
    const target = all.find(p => p.vcs?.branch === 'feature/login')!;
    const result = await createTestClient().findPipelinesByRevision({
      projectSlug: ROCKET,
      revision: target.vcs!.revision,
      branch: 'feature/login',
    });
    expect(result.matches.map(p => p.id)).toContain(target.id);
    expect(pipelineRequests()[0]).toBe(`GET v2/project/${ROCKET}/pipeline?branch=feature%2Flogin`);
  });

  it('stops at the time bound, and when the walk passes the commit date', async () => {
    const timed = await createTestClient().findPipelinesByRevision({
      projectSlug: ROCKET,
      revision: 'deadbee',
      timeLimitMs: 0,
    });
    expect(timed).toMatchObject({ pagesRead: 1, stoppedBecause: 'time' });
    const dated = await createTestClient().findPipelinesByRevision({
      projectSlug: ROCKET,
      revision: 'deadbee',
      committedAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(dated).toMatchObject({ pagesRead: 1, stoppedBecause: 'settled', matches: [] });
    expect(pipelineRequests()).toHaveLength(2);
  });

  it.each(['abc123', 'xyz1234', '', 'a'.repeat(65)])('refuses %j without a request', async revision => {
    await expect(
      createTestClient().findPipelinesByRevision({ projectSlug: ROCKET, revision }),
    ).rejects.toThrow(RangeError);
    expect(pipelineRequests()).toHaveLength(0);
  });

  it('finds a commit built on two branches twice, and once when narrowed to a branch', async () => {
    const all = await allPipelines();
    const twice = all.filter(p => p.vcs && all.filter(q => q.vcs?.revision === p.vcs!.revision).length === 2);
    expect(new Set(twice.map(p => p.vcs?.branch)).size).toBe(2);
    const revision = twice[0].vcs!.revision;
    const both = await createTestClient().findPipelinesByRevision({ projectSlug: ROCKET, revision });
    expect(both.matches.map(p => p.id)).toEqual(twice.map(p => p.id));
    const branch = twice[1].vcs!.branch!;
    const one = await createTestClient().findPipelinesByRevision({ projectSlug: ROCKET, revision, branch });
    expect(one.matches.map(p => p.id)).toEqual([twice[1].id]);
  });
});
