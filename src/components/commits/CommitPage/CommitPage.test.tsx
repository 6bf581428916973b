import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTestClient, renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { parseProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { TabRoutes } from '../../tab/TabRoutes';
import { CommitPage } from './CommitPage';

jest.setTimeout(30_000);

const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';

async function allPipelines(): Promise<Pipeline[]> {
  const client = createTestClient();
  const all: Pipeline[] = [];
  let pageToken: string | undefined;
  do {
    const page = await client.listPipelines({ projectSlug: ROCKET, pageToken });
    all.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return all;
}

function requests(from: number, pattern: RegExp): string[] {
  return ctx.fake.requests
    .slice(from)
    .map(r => `${r.method} ${r.path}`)
    .filter(r => pattern.test(r));
}

describe('the commit view', () => {
  it('shows every pipeline of a commit built on two branches, reading workflows of the matches only', async () => {
    const all = await allPipelines();
    // The demo builds one commit on two branches.
    const target = all.find(p => p.vcs && all.filter(q => q.vcs?.revision === p.vcs!.revision).length === 2)!;
    const sameCommit = all.filter(p => p.vcs?.revision === target.vcs!.revision);
    expect(new Set(sameCommit.map(p => p.vcs?.branch)).size).toBe(2);
    const from = ctx.fake.requests.length;
    await renderWithEntity({
      element: <TabRoutes />,
      slug: ROCKET,
      routeEntries: [`/commits/${target.vcs!.revision.slice(0, 10)}`],
    });
    for (const p of sameCommit) expect(await screen.findByText(`#${p.number}`)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryAllByText('Loading workflows…')).toHaveLength(0));
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent(
      `${sameCommit.length} pipelines of this commit among the last 20 looked at.`,
    );
    // Newest first.
    const newestFirst = [...sameCommit].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
    const shown = screen.getAllByText(/^#\d+/).map(e => /^#\d+/.exec(e.textContent!)![0]);
    expect(shown).toEqual(newestFirst.map(p => `#${p.number}`));
    expect(requests(from, /\/pipeline(\?|$)/)).toHaveLength(1);
    expect(requests(from, /^GET v2\/pipeline\/[^/]+\/workflow/).sort()).toEqual(
      sameCommit.map(p => `GET v2/pipeline/${p.id}/workflow`).sort(),
    );
  });

  it('says how far it looked when the commit is not found, and searches further on demand', async () => {
    const from = ctx.fake.requests.length;
    await renderWithEntity({
      element: <CommitPage slugs={[parseProjectSlug(ROCKET)]} revision="deadbee" maxPages={2} />,
      slug: ROCKET,
    });
    expect(await screen.findByText('Not found in the last 40 pipelines.')).toBeInTheDocument();
    expect(requests(from, /./)).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Search further' }));
    expect(await screen.findByText('Not found in the last 65 pipelines.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Search further' })).not.toBeInTheDocument();
    // 4 pipeline pages in all, and no workflow request without a match.
    expect(requests(from, /./)).toHaveLength(4);
    expect(requests(from, /\/pipeline(\?|$)/)).toHaveLength(4);
  });

  it('refuses what is not a commit SHA', async () => {
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET, routeEntries: ['/commits/abc12'] });
    expect((await screen.findAllByText(/"abc12" is not a commit SHA/)).length).toBeGreaterThan(0);
    expect(ctx.fake.requests).toHaveLength(0);
  });

  it('opens from a SHA in the pipelines list', async () => {
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });
    const links = await screen.findAllByRole('link', { name: /^[0-9a-f]{7}$/ });
    const sha = links[0].textContent!;
    expect(links[0]).toHaveAttribute('href', expect.stringMatching(new RegExp(`/commits/${sha}[0-9a-f]{33}$`)));
    await userEvent.click(links[0]);
    expect(await screen.findByText(`Pipelines of commit ${sha}`)).toBeInTheDocument();
    expect(await screen.findByText(/pipelines? of this commit among the last/)).toBeInTheDocument();
  });

  it('says "1 pipeline" for a commit built once, and has breadcrumbs back to the pipelines', async () => {
    const firstPage = (await createTestClient().listPipelines({ projectSlug: ROCKET })).items;
    const once = firstPage.find(
      p => p.vcs && firstPage.filter(q => q.vcs?.revision === p.vcs!.revision).length === 1,
    )!;
    const sha = once.vcs!.revision;
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET, routeEntries: [`/commits/${sha}`] });
    expect(await screen.findByText(`#${once.number}`)).toBeInTheDocument();
    expect(await screen.findByText('1 pipeline of this commit among the last 20 looked at.')).toBeInTheDocument();
    expect(screen.queryByText(/1 pipelines/)).not.toBeInTheDocument();
    const crumbs = screen.getByRole('navigation', { name: 'breadcrumb' });
    const back = within(crumbs).getByRole('link', { name: 'Pipelines' });
    expect(within(crumbs).getByText(`Commit ${sha.slice(0, 7)}`)).toBeInTheDocument();
    await userEvent.click(back);
    expect(await screen.findByText(`Pipelines of ${ROCKET}`)).toBeInTheDocument();
  });

  it('spends at most 10 pipeline pages by default, plus one workflow list per match only', async () => {
    const slug = ctx.fake.demo.slugs.monorepo;
    const [again, first] = ctx.fake.demo.monorepo.rebuild;
    const client = createTestClient();
    const head = await client.listPipelines({ projectSlug: slug });
    const second = await client.listPipelines({ projectSlug: slug, pageToken: head.nextPageToken });
    const rebuilt = second.items.find(p => p.number === first)!;
    const lookups: Array<[string, number]> = [['0badc0ffee0badc0ffee', 0], [rebuilt.vcs!.revision, 2]];
    for (const [revision, matches] of lookups) {
      const from = ctx.fake.requests.length;
      const { unmount } = await renderWithEntity({
        element: <CommitPage slugs={[parseProjectSlug(slug)]} revision={revision} />,
        slug,
      });
      const summary = matches
        ? `${matches} pipelines of this commit among the last`
        : 'Not found in the last 200 pipelines.';
      expect(await screen.findByText(new RegExp(summary), undefined, { timeout: 20_000 })).toBeInTheDocument();
      await waitFor(() => expect(screen.queryAllByText('Loading workflows…')).toHaveLength(0));
      const pipelines = requests(from, /\/pipeline(\?|$)/);
      expect(pipelines.length).toBeLessThanOrEqual(10);
      // Not found: exactly the bound; found (page 2): the walk stops once settled.
      expect(pipelines.length === 10).toBe(matches === 0);
      const shown = screen.queryAllByText(/^#\d+/).map(e => /^#\d+/.exec(e.textContent!)![0]);
      expect(shown).toEqual(matches ? [`#${again}`, `#${first}`] : []);
      expect(requests(from, /^GET v2\/pipeline\/[^/]+\/workflow/)).toHaveLength(matches);
      expect(requests(from, /./)).toHaveLength(pipelines.length + matches);
      unmount();
    }
  });
});
