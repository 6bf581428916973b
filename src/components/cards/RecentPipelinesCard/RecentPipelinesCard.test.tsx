import { screen, waitFor, within } from '@testing-library/react';
import { renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { advance, settle } from '../../../__testUtils__/timers';
import { EntityRecentCircleCIPipelinesCard } from '../../../plugin';
import { circleCIRouteRef } from '../../../routes';

jest.setTimeout(60_000);
const ctx = setupFakeCircleCI();

function seen(): string[] {
  return ctx.fake.requests.map(r => `${r.method} ${r.path}`);
}
const count = (pattern: RegExp) => seen().filter(r => pattern.test(r)).length;
const PROJECT = /^GET v2\/project\/[^/]+\/[^/]+\/[^/?]+$/;
const PIPELINES = /^GET v2\/project\/.*\/pipeline(\?|$)/;
const WORKFLOWS = /^GET v2\/pipeline\/[^/]+\/workflow/;

/** Waits until every line shows its status (its workflows have arrived). */
async function allLoaded(lines: number) {
  await waitFor(() => {
    const shown = screen.getAllByTestId('circleci-pipeline-line');
    expect(shown).toHaveLength(lines);
    shown.forEach(line => expect(line).not.toHaveTextContent('Loading…'));
  });
  await settle();
}

describe('EntityRecentCircleCIPipelinesCard (legacy)', () => {
  it('shows the last 5 pipelines of all branches for 1 pipeline list + 5 workflow lists', async () => {
    const { rocket } = ctx.fake.demo.slugs;
    await renderWithEntity({ element: <EntityRecentCircleCIPipelinesCard />, slug: rocket });
    expect(screen.getByText('Recent pipelines')).toBeInTheDocument();
    await allLoaded(5);
    // The list has 20 pipelines; only the 5 shown have their workflows read.
    expect(seen().filter(r => PIPELINES.test(r))).toEqual([`GET v2/project/${rocket}/pipeline`]);
    expect(count(WORKFLOWS)).toBe(5);
    expect(count(PROJECT)).toBe(0);
    const refs = screen.getAllByTestId('circleci-pipeline-ref').map(r => r.textContent);
    expect(refs).toEqual(expect.arrayContaining(['main', 'feature/login']));
  });

  it('takes limit and branch props', async () => {
    const { rocket } = ctx.fake.demo.slugs;
    await renderWithEntity({
      element: <EntityRecentCircleCIPipelinesCard limit={3} branch="main" />,
      slug: rocket,
    });
    expect(screen.getByText('Recent pipelines on main')).toBeInTheDocument();
    await allLoaded(3);
    expect(seen().filter(r => PIPELINES.test(r))).toEqual([
      `GET v2/project/${rocket}/pipeline?branch=main`,
    ]);
    expect(count(WORKFLOWS)).toBe(3);
    // The card names the branch, so the lines do not.
    expect(screen.queryByTestId('circleci-pipeline-ref')).not.toBeInTheDocument();
  });

  it('shows the lines of each project of a monorepo entity', async () => {
    const { monoApi, monoWeb } = ctx.fake.demo.slugs;
    await renderWithEntity({
      element: <EntityRecentCircleCIPipelinesCard limit={2} />,
      slug: `${monoApi},${monoWeb}`,
      mountedRoutes: { '/ci-cd': circleCIRouteRef },
    });
    await allLoaded(4);
    const sections = screen.getAllByTestId('circleci-card-project');
    expect(sections.map(s => within(s).getAllByTestId('circleci-pipeline-line').length)).toEqual([2, 2]);
    expect(within(sections[1]).getByRole('link', { name: `Pipelines of ${monoWeb}` })).toHaveAttribute(
      'href',
      `/ci-cd/?project=${encodeURIComponent(monoWeb)}`,
    );
    expect([count(PIPELINES), count(WORKFLOWS)]).toEqual([2, 4]);
  });

  it('says so when a project has no pipelines', async () => {
    await renderWithEntity({
      element: <EntityRecentCircleCIPipelinesCard />,
      slug: ctx.fake.demo.slugs.empty,
    });
    expect(await screen.findByText('No pipelines yet.')).toBeInTheDocument();
    expect(count(WORKFLOWS)).toBe(0);
  });
});

describe('EntityRecentCircleCIPipelinesCard polling, with fake timers', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  async function untilLines(n: number) {
    for (let i = 0; i < 10 && screen.queryAllByTestId('circleci-pipeline-line').length < n; i++) {
      await settle();
      await advance(1000);
    }
    await settle();
  }

  it('re-reads only the running pipelines, never the list', async () => {
    await renderWithEntity({
      element: <EntityRecentCircleCIPipelinesCard limit={3} />,
      slug: ctx.fake.demo.slugs.rocket,
    });
    await untilLines(3);
    const first = count(WORKFLOWS);
    expect(first).toBe(3);
    await advance(25_000);
    await settle();
    // The newest 3 pipelines have unfinished work (running, failing).
    expect(count(WORKFLOWS)).toBeGreaterThan(first);
    expect(count(PIPELINES)).toBe(1);
  });

  it('sends nothing more when every shown pipeline has finished', async () => {
    await renderWithEntity({
      element: <EntityRecentCircleCIPipelinesCard />,
      slug: ctx.fake.demo.slugs.standalone,
    });
    await untilLines(3);
    await advance(2000);
    await settle();
    const settled = seen();
    expect(settled).toHaveLength(4);
    await advance(5 * 60_000);
    await settle();
    expect(seen()).toEqual(settled);
  });
});
