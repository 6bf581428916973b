import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { circleCIApiRef } from '../../../api/CircleCIApi';
import { WORKFLOWS_ANNOTATION } from '../../../domain/workflowScope';
import { API_BASE, createTestClient, entityWith, renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { advance, settle } from '../../../__testUtils__/timers';
import { formatPercent, formatSeconds } from '../../../domain/insights';
import { EntityCircleCIInsightsCard } from '../../../plugin';
import { circleCIRouteRef } from '../../../routes';

jest.setTimeout(60_000);
const ctx = setupFakeCircleCI();

type Metrics = { items: Array<{ name: string; metrics: { success_rate: number; total_runs: number; duration_metrics: { p95: number | null } } }> };

/** Requests before this index were made by the test itself. */
let mark = 0;
beforeEach(() => {
  mark = 0;
});
const seen = (): string[] => ctx.fake.requests.slice(mark).map(r => `${r.method} ${r.path}`);

/** What the fake itself answers (the test's own requests are not counted). */
async function fakeAnswer<T>(path: string): Promise<T> {
  const answer = await ctx.fake.handle(
    new Request(`http://x/api/${path}`, { headers: { 'Circle-Token': ctx.fake.token } }),
  );
  mark = ctx.fake.requests.length;
  return (await answer.json()) as T;
}

const rows = () => screen.getAllByTestId('circleci-insights-card-row');
const nameOf = (row: HTMLElement) => row.querySelector('th')?.textContent;
const rowOf = (name: string) => rows().find(r => nameOf(r) === name)!;
const waitForTrends = () =>
  waitFor(() => expect(seen().filter(r => r.includes('/summary')).length).toBeGreaterThan(0)).then(settle);

describe('EntityCircleCIInsightsCard (legacy)', () => {
  it("shows the default branch's figures as the fake computes them, for 2 + 1 per workflow requests", async () => {
    const { rocket } = ctx.fake.demo.slugs;
    const metrics = await fakeAnswer<Metrics>(`v2/insights/${rocket}/workflows?reporting-window=last-30-days`);
    const flaky = await fakeAnswer<{ total_flaky_tests: number }>(`v2/insights/${rocket}/flaky-tests`);
    await renderWithEntity({
      element: <EntityCircleCIInsightsCard />,
      slug: rocket,
      mountedRoutes: { '/ci-cd': circleCIRouteRef },
    });
    expect(screen.getByText('CI insights')).toBeInTheDocument();
    expect(screen.getByText('Default branch, last 30 days')).toBeInTheDocument();
    await waitFor(() => expect(rows()).toHaveLength(metrics.items.length));
    await waitForTrends();
    for (const { name, metrics: m } of metrics.items) {
      const row = rowOf(name);
      expect(within(row).getByTestId('circleci-insights-card-rate')).toHaveTextContent(formatPercent(m.success_rate));
      expect(within(row).getByTestId('circleci-insights-card-p95')).toHaveTextContent(formatSeconds(m.duration_metrics.p95));
    }
    // The busiest workflow first.
    expect(nameOf(rows()[0])).toBe('build-and-test');
    expect(screen.getByTestId('circleci-insights-card-flaky')).toHaveTextContent(`Flaky tests: ${flaky.total_flaky_tests}`);
    expect(flaky.total_flaky_tests).toBeGreaterThan(0);
    // build-and-test got slower (bad) and fails less often (good).
    const trends = within(rowOf('build-and-test'));
    await waitFor(() => expect(trends.getByTitle(/worse than the previous period/)).toHaveAttribute('data-trend', 'up-bad'));
    expect(trends.getByTitle(/better than the previous period/)).toHaveAttribute('data-trend', 'up-good');
    expect(screen.getByRole('link', { name: 'Open insights' })).toHaveAttribute('href', '/ci-cd/insights?window=last-30-days');
    await settle();
    const sent = seen();
    expect(sent.slice(0, 2).sort()).toEqual([
      `GET v2/insights/${rocket}/flaky-tests`,
      `GET v2/insights/${rocket}/workflows?reporting-window=last-30-days`,
    ]);
    expect(sent.slice(2).sort()).toEqual(
      metrics.items.map(w => `GET v2/insights/${rocket}/workflows/${encodeURIComponent(w.name)}/summary`).sort(),
    );
    expect(sent).toHaveLength(2 + metrics.items.length);
  });

  it('sends the configured window, branch and workflows, and shows "—" for a workflow without figures', async () => {
    const { rocket } = ctx.fake.demo.slugs;
    const { name, branch } = ctx.fake.demo.slashWorkflow;
    const metrics = await fakeAnswer<Metrics>(
      `v2/insights/${rocket}/workflows?branch=${encodeURIComponent(branch)}&reporting-window=last-7-days`,
    );
    const expected = metrics.items.find(w => w.name === name)!.metrics;
    await renderWithEntity({
      element: <EntityCircleCIInsightsCard window="last-7-days" branch={branch} workflows={[name, 'nope', name]} />,
      slug: rocket,
    });
    expect(screen.getByText(`CI insights on ${branch}`)).toBeInTheDocument();
    await waitFor(() => expect(rows()).toHaveLength(2));
    await waitForTrends();
    expect(rows().map(nameOf)).toEqual([name, 'nope']);
    expect(within(rowOf(name)).getByTestId('circleci-insights-card-rate')).toHaveTextContent(formatPercent(expected.success_rate));
    expect(within(rowOf('nope')).getByTestId('circleci-insights-card-rate')).toHaveTextContent('—');
    expect(within(rowOf('nope')).getByTestId('circleci-insights-card-p95')).toHaveTextContent('—');
    // No tab mounted: no link into it.
    expect(screen.queryByRole('link', { name: 'Open insights' })).not.toBeInTheDocument();
    const q = `branch=${encodeURIComponent(branch)}`;
    expect(seen().sort()).toEqual(
      [
        `GET v2/insights/${rocket}/flaky-tests`,
        `GET v2/insights/${rocket}/workflows/${encodeURIComponent(name)}/summary?${q}`,
        `GET v2/insights/${rocket}/workflows/nope/summary?${q}`,
        `GET v2/insights/${rocket}/workflows?${q}&reporting-window=last-7-days`,
      ].sort(),
    );
  });

  it('explains a 403 with the token insights need', async () => {
    ctx.fake.failPath({ match: 'v2/insights/gh/acme/rocket/workflows?', status: 403 });
    await renderWithEntity({ element: <EntityCircleCIInsightsCard />, slug: ctx.fake.demo.slugs.rocket });
    expect(await screen.findByText(/Insights not available/)).toBeInTheDocument();
    expect(screen.getByText(/Insights need a personal API token/)).toBeInTheDocument();
    expect(screen.queryByTestId('circleci-insights-card-row')).not.toBeInTheDocument();
  });

  it('shows what a partial answer has and "—" for the rest, never NaN', async () => {
    const { rocket } = ctx.fake.demo.slugs;
    ctx.server.use(
      http.get(`${API_BASE}/v2/insights/${rocket}/workflows`, () =>
        HttpResponse.json({
          items: [
            { name: 'partial', metrics: { success_rate: 0.5, total_runs: 4, duration_metrics: null } },
            { name: 'broken', metrics: { success_rate: 'high', total_runs: 2, duration_metrics: { p95: 'NaN' } } },
          ],
          next_page_token: null,
        }),
      ),
      http.get(`${API_BASE}/v2/insights/${rocket}/workflows/:name/summary`, () =>
        HttpResponse.json({ metrics: {}, trends: { success_rate: null } }),
      ),
      http.get(`${API_BASE}/v2/insights/${rocket}/flaky-tests`, () => HttpResponse.json({ 'flaky-tests': [] })),
    );
    await renderWithEntity({ element: <EntityCircleCIInsightsCard />, slug: rocket });
    await waitFor(() => expect(rows()).toHaveLength(2));
    await settle();
    const partial = within(rowOf('partial'));
    expect(partial.getByTestId('circleci-insights-card-rate')).toHaveTextContent('50%');
    expect(partial.getByTestId('circleci-insights-card-p95')).toHaveTextContent('—');
    const broken = within(rowOf('broken'));
    expect(broken.getByTestId('circleci-insights-card-rate')).toHaveTextContent('—');
    expect(broken.getByTestId('circleci-insights-card-runs')).toHaveTextContent('2');
    await waitFor(() => expect(screen.getByTestId('circleci-insights-card-flaky')).toHaveTextContent('Flaky tests: 0'));
    expect(document.body.textContent).not.toMatch(/NaN|undefined/);
    expect(screen.queryByTitle(/previous period/)).not.toBeInTheDocument();
  });

  it('says so when the window has no run, and shows one section per project of a monorepo', async () => {
    const { empty, monoApi, monoWeb } = ctx.fake.demo.slugs;
    const first = await renderWithEntity({ element: <EntityCircleCIInsightsCard />, slug: empty });
    expect(await screen.findByText('No finished workflow runs on the default branch in the last 30 days.')).toBeInTheDocument();
    first.unmount();
    mark = ctx.fake.requests.length;
    await renderWithEntity({
      element: <EntityCircleCIInsightsCard />,
      slug: `${monoApi},${monoWeb}`,
      mountedRoutes: { '/ci-cd': circleCIRouteRef },
    });
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.getAllByTestId('circleci-card-project')).toHaveLength(2);
    expect(screen.getByRole('link', { name: `Insights of ${monoWeb}` })).toHaveAttribute(
      'href',
      `/ci-cd/insights?project=${encodeURIComponent(monoWeb)}&window=last-30-days`,
    );
    await waitForTrends();
    expect(seen().filter(r => r.includes(monoApi))).toHaveLength(3);
    expect(seen().filter(r => r.includes(monoWeb))).toHaveLength(3);
  });
});

describe('EntityCircleCIInsightsCard freshness, with fake timers', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('is never polled, and a card mounted again within the cache time sends nothing', async () => {
    const client = createTestClient();
    const element = <EntityCircleCIInsightsCard workflows={['build-and-test']} />;
    const first = await renderWithEntity({ element, slug: ctx.fake.demo.slugs.rocket, client });
    for (let i = 0; i < 5 && !screen.queryByTestId('circleci-insights-card-row'); i++) {
      await settle();
      await advance(1000);
    }
    await settle();
    const settled = seen();
    // Configured workflows: metrics, flaky tests and the summary go out together.
    expect(settled).toHaveLength(3);
    first.unmount();
    await advance(5 * 60_000);
    await renderWithEntity({ element, slug: ctx.fake.demo.slugs.rocket, client });
    await settle();
    expect(screen.getAllByTestId('circleci-insights-card-row')).toHaveLength(1);
    expect(seen()).toEqual(settled);
    // Never polled, however long it stays open.
    await advance(30 * 60_000);
    await settle();
    expect(seen()).toEqual(settled);
  });
});

describe('EntityCircleCIInsightsCard of a component with a circleci.com/workflows scope', () => {
  it("shows only the component's workflows and asks for their trends only", async () => {
    const { rocket } = ctx.fake.demo.slugs;
    const metrics = await fakeAnswer<Metrics>(`v2/insights/${rocket}/workflows?reporting-window=last-30-days`);
    expect(metrics.items.length).toBeGreaterThan(1);
    const kept = metrics.items[metrics.items.length - 1].name;
    const entity = entityWith(rocket);
    entity.metadata.annotations![WORKFLOWS_ANNOTATION] = kept;
    await renderInTestApp(
      <TestApiProvider apis={[[circleCIApiRef, createTestClient()]]}>
        <EntityProvider entity={entity}>
          <EntityCircleCIInsightsCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/ci-cd': circleCIRouteRef } },
    );
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(nameOf(rows()[0])).toBe(kept);
    await waitForTrends();
    expect(seen().filter(r => r.includes('/summary'))).toEqual([
      `GET v2/insights/${rocket}/workflows/${encodeURIComponent(kept)}/summary`,
    ]);
  });
});
