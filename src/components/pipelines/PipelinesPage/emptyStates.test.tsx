/*
 * The pipelines page's empty and edge states (issue 23, item 4), through the
 * real client against the fake CircleCI: an empty project offers "Trigger
 * pipeline" when actions are on, "Mine" with no pipelines says so, the
 * "Only mine" option is there from the first hover and turns usable in
 * place when the check answers, and counts are plural forms of the
 * translation ref.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { postsTo, renderWithActions } from '../../../__testUtils__/actions';
import { english } from '../../../__testUtils__/english';
import { createTestClient, renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { filterCoverage } from '../../../domain/filterCoverage';
import { msg } from '../../../domain/messages';
import { TabRoutes } from '../../tab/TabRoutes';

jest.setTimeout(60_000);

const ctx = setupFakeCircleCI();
const EMPTY = 'gh/acme/empty';
const ROCKET = 'gh/acme/rocket';

describe('an empty project', () => {
  it('offers "Trigger pipeline" when actions and trigger are on, and the new pipeline then shows', async () => {
    await renderWithActions({ element: <TabRoutes />, slug: EMPTY, actions: { enabled: true } });
    expect(await screen.findByText('No pipelines yet')).toBeInTheDocument();
    expect(screen.getByText(/CircleCI has no pipelines for gh\/acme\/empty/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Trigger pipeline' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Branch name'), 'main');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Trigger' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(postsTo(ctx.fake)).toEqual([`v2/project/${EMPTY}/pipeline`]);
    const created = ctx.fake.state.projects.find(p => p.slug === EMPTY)!.pipelines.at(-1)!;
    expect(await screen.findByText(`#${created.number}`, {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('offers no trigger when actions are off, or on without trigger', async () => {
    await renderWithActions({ element: <TabRoutes />, slug: EMPTY, actions: { enabled: true, trigger: false } });
    expect(await screen.findByText('No pipelines yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Open the project on CircleCI/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Trigger pipeline' })).not.toBeInTheDocument();
  });
});

describe('"Mine" with no pipelines', () => {
  it('says the user has none (not that CircleCI has none) and keeps the filter to go back', async () => {
    const mine = await createTestClient().listMyPipelines({ projectSlug: EMPTY });
    expect(mine.items).toHaveLength(0);
    await renderWithEntity({ element: <TabRoutes />, slug: EMPTY, routeEntries: ['/?mine=1'] });
    expect(await screen.findByText(/You have no pipelines in gh\/acme\/empty/)).toBeInTheDocument();
    expect(screen.queryByText(/CircleCI has no pipelines/)).not.toBeInTheDocument();
    const select = await screen.findByLabelText('Triggered by');
    expect(select).toHaveValue('\u0000mine');
    fireEvent.change(select, { target: { value: '' } });
    expect(await screen.findByText(/CircleCI has no pipelines for gh\/acme\/empty/)).toBeInTheDocument();
  });
});

describe('the "Only mine" option', () => {
  it('is there, disabled, while the check runs, and the same option turns usable when it answers', async () => {
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });
    await screen.findAllByText(/^#\d+$/);
    const select = await screen.findByLabelText('Triggered by');
    expect(within(select).queryByRole('option', { name: /Only mine/ })).not.toBeInTheDocument();
    // CircleCI takes a while to answer `pipeline/mine`, as over a real network.
    ctx.fake.setLatency(300);
    try {
      fireEvent.mouseEnter(select);
      const checking = await within(select).findByRole('option', { name: 'Only mine (checking…)' });
      expect(checking).toBeDisabled();
      // The answer changes this very option: an open native select shows it at once.
      await waitFor(() => expect(checking).toHaveTextContent(/^Only mine$/), { timeout: 5000 });
      expect(checking).toBeEnabled();
      expect(checking.isConnected).toBe(true);
      expect(within(select).getAllByRole('option', { name: /Only mine/ })).toEqual([checking]);
    } finally {
      ctx.fake.setLatency(0);
    }
    expect(ctx.fake.requests.filter(r => r.path.includes('pipeline/mine'))).toHaveLength(1);
  });
});

describe('counts', () => {
  it('are plural forms of the translation ref: "1 pipeline", "2 pipelines"', () => {
    const one = filterCoverage({ shown: 1, count: 20, status: 'failed' });
    const two = filterCoverage({ shown: 2, count: 20, status: 'failed' });
    expect(english(one!)).toBe('1 failed pipeline among the last 20 loaded');
    expect(english(two!)).toBe('2 failed pipelines among the last 20 loaded');
    expect(english(filterCoverage({ shown: 1, count: 20, actor: 'ada' })!)).toBe(
      '1 pipeline triggered by ada among the last 20 loaded',
    );
    expect(english(msg('commits.foundAmong', { count: 1, scanned: '40' }))).toBe(
      '1 pipeline of this commit among the last 40 looked at.',
    );
    expect(english(msg('commits.foundAmong', { count: 2, scanned: '40' }))).toBe(
      '2 pipelines of this commit among the last 40 looked at.',
    );
    expect(english(msg('commits.notFound', { count: 1 }))).toBe('Not found in the last 1 pipeline.');
    expect(english(msg('commitStatus.builds', { count: 1 }))).toBe('1 build');
    expect(english(msg('workflowScope.hidden', { count: 1, patterns: 'build' }))).toBe(
      '1 pipeline without the workflows build is hidden',
    );
    expect(english(msg('pipelines.newPipelines', { count: 1, numbers: '#7' }))).toBe('New pipeline #7');
    expect(english(msg('pipelines.newPipelines', { count: 2, numbers: '#7, #8' }))).toBe('2 new pipelines: #7, #8');
    expect(english(msg('pipelineErrors.title', { count: 1, number: '7' }))).toBe('Pipeline #7 has an error');
    expect(english(msg('pipelineErrors.title', { count: 3, number: '7' }))).toBe('Pipeline #7 has 3 errors');
    expect(english(msg('filters.bounded', { count: 1 }))).toMatch(/^No new match in the 1 page searched/);
    expect(english(msg('domain.testSummary', { count: 1, passed: 1, failed: 0, skipped: 0 }))).toBe(
      '1 test: 1 passed, 0 failed, 0 skipped',
    );
  });
});
