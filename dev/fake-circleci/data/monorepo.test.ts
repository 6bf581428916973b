/**
 * @jest-environment node
 */

/*
 * The monorepo demo project: a workflow per component, commits built twice
 * (a re-trigger on main, a feature branch then main), branch-only commits,
 * a quiet first page, a history longer than the commit search's bound, and
 * `pipeline/mine` answers for the guest user.
 */

import { createFakeCircleCI } from '..';
import { callFake } from '../testing';
import { ACTORS, ME } from './blueprint';

type Item = Record<string, any>;
type Page = { items: Item[]; next_page_token: string | null };

const START = Date.parse('2026-03-10T09:00:00Z');

async function setup() {
  const fake = createFakeCircleCI({ seed: 1, now: () => START + 3_600_000, startTime: START });
  const get = async <T = Page>(path: string) => (await callFake({ fake, path })).json<T>();
  const slug = fake.demo.slugs.monorepo;
  const all: Item[] = [];
  let pages = 0;
  let token: string | null = null;
  do {
    const page: Page = await get(`v2/project/${slug}/pipeline${token ? `?page-token=${encodeURIComponent(token)}` : ''}`);
    all.push(...page.items);
    token = page.next_page_token;
    pages++;
  } while (token);
  const workflows = async (p: Item) => (await get(`v2/pipeline/${p.id}/workflow`)).items;
  return { fake, get, slug, all, pages, workflows };
}

describe('the monorepo demo project', () => {
  it('is longer than the commit search reads by default, and its first page is quiet', async () => {
    const { fake, all, pages, workflows } = await setup();
    expect(all).toHaveLength(fake.demo.monorepo.pipelineCount);
    expect(pages).toBeGreaterThan(10);
    const statuses = async (from: number, to: number) =>
      (await Promise.all(all.slice(from, to).map(workflows))).flat().map(w => w.status);
    const first = await statuses(0, 20);
    expect(new Set(first)).toEqual(new Set(['success']));
    expect(await statuses(20, 40)).toContain('failed');
  });

  it('runs one set of workflows per component', async () => {
    const { fake, all, workflows } = await setup();
    const names = new Set((await Promise.all(all.slice(0, 40).map(workflows))).flat().map(w => w.name));
    const { api, web } = fake.demo.monorepo.workflows;
    expect(names).toEqual(new Set([...api, ...web]));
    const perPipeline = await Promise.all(all.slice(0, 12).map(async p => (await workflows(p)).map(w => w.name)));
    expect(perPipeline.some(n => n.every(x => x.startsWith('api-')))).toBe(true);
    expect(perPipeline.some(n => n.every(x => x.startsWith('web-')))).toBe(true);
    expect(perPipeline.some(n => n.includes('api-build') && n.includes('web-build'))).toBe(true);
  });

  it('builds one commit twice on main and one on a branch and main; other branch commits exist only there', async () => {
    const { fake, all } = await setup();
    const byNumber = (n: number) => all.find(p => p.number === n)!;
    const [again, first] = fake.demo.monorepo.rebuild.map(byNumber);
    expect(again.vcs.revision).toBe(first.vcs.revision);
    expect([again.vcs.branch, first.vcs.branch]).toEqual(['main', 'main']);
    expect(again.trigger.type).toBe('api');
    expect(all.filter(p => p.vcs.revision === first.vcs.revision)).toHaveLength(2);
    const [merged, branch] = fake.demo.monorepo.merge.map(byNumber);
    expect(merged.vcs.revision).toBe(branch.vcs.revision);
    expect(merged.vcs.branch).toBe('main');
    expect(branch.vcs.branch).not.toBe('main');
    const onlyBranch = all.filter(
      p => p.vcs.branch !== 'main' && all.filter(q => q.vcs.revision === p.vcs.revision).length === 1,
    );
    expect(onlyBranch.length).toBeGreaterThan(5);
  });

  it("answers pipeline/mine with the guest user's pipelines", async () => {
    const { get, slug, all } = await setup();
    const mine = await get(`v2/project/${slug}/pipeline/mine`);
    expect(mine.items).toHaveLength(20);
    expect(new Set(mine.items.map(p => p.trigger.actor.login))).toEqual(new Set([ACTORS[ME].login]));
    const expected = all.filter(p => p.trigger.actor.login === ACTORS[ME].login).slice(0, 20);
    expect(mine.items.map(p => p.id)).toEqual(expected.map(p => p.id));
  });
});
