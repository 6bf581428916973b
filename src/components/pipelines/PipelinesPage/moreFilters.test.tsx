import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTestClient, renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { derivePipelineStatus } from '../../../domain/status';
import { statusMatches } from '../../../domain/pipelineFilters';
import { TabRoutes } from '../../tab/TabRoutes';

jest.setTimeout(60_000);

const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';
const MONOREPO = 'gh/acme/monorepo';

function shownNumbers(): string[] {
  return screen.queryAllByText(/^#\d+/).map(e => /^#\d+/.exec(e.textContent!)![0]);
}

function requests(pattern: RegExp): string[] {
  return ctx.fake.requests.map(r => `${r.method} ${r.path}`).filter(r => pattern.test(r));
}

const listRequests = (slug: string) => requests(new RegExp(`^GET v2/project/${slug}/pipeline(\\?|$)`));

async function waitForWorkflows() {
  await screen.findAllByText(/^#\d+$/);
  await waitFor(() => expect(screen.queryAllByText('Loading workflows…')).toHaveLength(0));
}

describe('the "triggered by" filter', () => {
  it('keeps the pipelines of one login, picked from those loaded, in the URL', async () => {
    const page = await createTestClient().listPipelines({ projectSlug: ROCKET });
    const logins = [...new Set(page.items.map(p => p.trigger.actor.login))].sort((a, b) => a.localeCompare(b));
    const login = logins.find(l => page.items.some(p => p.trigger.actor.login !== l))!;
    const theirs = page.items.filter(p => p.trigger.actor.login === login);
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });
    await waitForWorkflows();
    const select = screen.getByLabelText('Triggered by');
    const options = within(select).getAllByRole('option').map(o => o.textContent);
    expect(options).toEqual(['Anyone', ...logins.map(l => `Only ${l}`)]);
    await userEvent.selectOptions(select, `Only ${login}`);
    await waitFor(() =>
      expect(
        screen.getByText(`${theirs.length} pipelines triggered by ${login} among the last 20 loaded`),
      ).toBeInTheDocument(),
    );
    expect(shownNumbers().sort()).toEqual(theirs.map(p => `#${p.number}`).sort());
  });

  it('combines with the status filter and the branch, from the URL', async () => {
    const all: Pipeline[] = (await createTestClient().listPipelines({ projectSlug: ROCKET, branch: 'main' })).items;
    const login = all[0].trigger.actor.login;
    await renderWithEntity({
      element: <TabRoutes />,
      slug: ROCKET,
      routeEntries: [`/?branch=main&actor=${encodeURIComponent(login)}&status=success`],
    });
    expect(
      await screen.findByText(
        new RegExp(`^\\d+ success pipelines triggered by ${login} among the last \\d+ loaded$`),
      ),
    ).toBeInTheDocument();
    expect(listRequests(ROCKET)[0]).toBe(`GET v2/project/${ROCKET}/pipeline?branch=main`);
  });
});

describe('the "mine" filter', () => {
  it('is offered once pipeline/mine answers, asked on intent, and shows only the guest user\'s pipelines', async () => {
    const mine = await createTestClient().listMyPipelines({ projectSlug: ROCKET });
    const me = await createTestClient().getMe();
    expect(mine.items.length).toBeGreaterThan(0);
    ctx.fake.clearRequests();
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });
    await waitForWorkflows();
    // Opening the tab does not ask.
    expect(requests(/pipeline\/mine/)).toHaveLength(0);
    const select = screen.getByLabelText('Triggered by');
    expect(within(select).queryByRole('option', { name: 'Only mine' })).not.toBeInTheDocument();
    fireEvent.mouseEnter(select);
    expect(await within(select).findByRole('option', { name: 'Only mine' })).toBeInTheDocument();
    await userEvent.selectOptions(select, 'Only mine');
    await waitFor(() => expect(screen.getByText(`Only your pipelines: the last ${mine.items.length}`)).toBeInTheDocument());
    await waitFor(() => expect(shownNumbers().sort()).toEqual(mine.items.map(p => `#${p.number}`).sort()));
    expect(mine.items.every(p => p.trigger.actor.login === me.login)).toBe(true);
    // The probe's page is the list's first page: one request in all.
    expect(requests(/pipeline\/mine/)).toEqual([`GET v2/project/${ROCKET}/pipeline/mine`]);
  });

  it('filters its own list by branch, which CircleCI cannot', async () => {
    const mine = (await createTestClient().listMyPipelines({ projectSlug: MONOREPO })).items;
    const onMain = mine.filter(p => p.vcs?.branch === 'main');
    expect(onMain.length).toBeGreaterThan(0);
    expect(onMain.length).toBeLessThan(mine.length);
    await renderWithEntity({ element: <TabRoutes />, slug: MONOREPO, routeEntries: ['/?mine=1&branch=main'] });
    expect(
      await screen.findByText(`${onMain.length} of your pipelines on branch main among your last ${mine.length}`),
    ).toBeInTheDocument();
    await waitFor(() => expect(shownNumbers().sort()).toEqual(onMain.map(p => `#${p.number}`).sort()));
  });

  it.each([404, 403, 500])('is hidden quietly when pipeline/mine answers %i', async status => {
    ctx.fake.failPath({ match: 'pipeline/mine', status });
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });
    await waitForWorkflows();
    const select = screen.getByLabelText('Triggered by');
    fireEvent.mouseEnter(select);
    await waitFor(() => expect(requests(/pipeline\/mine/).length).toBeGreaterThan(0));
    await waitFor(() => expect(ctx.fake.requests.at(-1)?.path).toMatch(/pipeline\/mine/));
    fireEvent.focus(select);
    expect(within(select).queryByRole('option', { name: 'Only mine' })).not.toBeInTheDocument();
    expect(screen.getAllByText(/^#\d+$/)).toHaveLength(20);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('falls back to everyone\'s pipelines, with a note, when the URL asks for mine and CircleCI refuses', async () => {
    ctx.fake.failPath({ match: 'pipeline/mine', status: 404 });
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET, routeEntries: ['/?mine=1'] });
    expect(
      await screen.findByText("CircleCI does not list your own pipelines for this project; showing everyone's."),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByText(/^#\d+$/)).toHaveLength(20));
  });
});

describe('"Load more" with a filter walks pages, within the commit search\'s bound', () => {
  it('walks past a quiet first page to the first failed pipeline', async () => {
    const client = createTestClient();
    const first = await client.listPipelines({ projectSlug: MONOREPO });
    const second = await client.listPipelines({ projectSlug: MONOREPO, pageToken: first.nextPageToken });
    const isFailed = async (items: Pipeline[]) =>
      Promise.all(
        items.map(async p => {
          const workflows = (await client.listWorkflows({ pipelineId: p.id })).items;
          return statusMatches({ status: derivePipelineStatus({ state: p.state, workflows }), filter: 'failed' });
        }),
      );
    expect(await isFailed(first.items)).not.toContain(true);
    const flags = await isFailed(second.items);
    const expected = second.items.filter((_, i) => flags[i]);
    expect(expected.length).toBeGreaterThan(0);
    ctx.fake.clearRequests();
    await renderWithEntity({ element: <TabRoutes />, slug: MONOREPO, routeEntries: ['/?status=failed'] });
    expect(
      await screen.findByText(`${expected.length} failed pipelines among the last 40 loaded`, undefined, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(shownNumbers().sort()).toEqual(expected.map(p => `#${p.number}`).sort());
    expect(listRequests(MONOREPO)).toHaveLength(2);
  });

  it('stops after 10 pages without a match, shows its progress, and goes on when asked', async () => {
    ctx.fake.setLatency(20);
    await renderWithEntity({ element: <TabRoutes />, slug: MONOREPO, routeEntries: ['/?status=canceled'] });
    expect(
      await screen.findByText(/^Searching… \d+ of up to 10 pages searched$/, undefined, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No new match in the 10 pages searched. Load more to search further.', undefined, {
        timeout: 40_000,
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('0 canceled pipelines among the last 200 loaded')).toBeInTheDocument();
    expect(listRequests(MONOREPO)).toHaveLength(10);
    await userEvent.click(screen.getByRole('button', { name: 'Load more pipelines' }));
    // 230 pipelines: two more pages, then CircleCI has no more.
    expect(
      await screen.findByText('0 canceled pipelines among the last 230 loaded', undefined, { timeout: 20_000 }),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Load more pipelines' })).not.toBeInTheDocument());
    expect(listRequests(MONOREPO)).toHaveLength(12);
  });

  it('reads one page per click without a filter', async () => {
    await renderWithEntity({ element: <TabRoutes />, slug: MONOREPO });
    await waitForWorkflows();
    await userEvent.click(screen.getByRole('button', { name: 'Load more pipelines' }));
    await waitFor(() => expect(screen.getAllByText(/^#\d+$/)).toHaveLength(40));
    await new Promise(r => setTimeout(r, 300));
    expect(listRequests(MONOREPO)).toHaveLength(2);
  });
});
