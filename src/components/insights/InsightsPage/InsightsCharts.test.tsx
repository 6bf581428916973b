/*
 * The cost of the Insights charts, through the real client against the
 * fake CircleCI: a project with 40 workflows charts its 5 busiest at first
 * and the others on demand; a chart reads every page of its window's runs,
 * up to the endpoint's cap, and says when it stopped there.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { WorkflowMetrics, WorkflowRun } from '@circleci-backstage/plugin-circleci-common';
import { API_BASE, renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { settle } from '../../../__testUtils__/timers';
import { INITIAL_CHARTS } from '../../../domain/insightsCharts';
import { WORKFLOW_RUN_PAGES } from '../../../query/pageCaps';
import { TabRoutes } from '../../tab/TabRoutes';

jest.setTimeout(60_000);
const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';
const INSIGHTS = `${API_BASE}/v2/insights/gh/acme/rocket`;
const RUNS = /^GET v2\/insights\/gh\/acme\/rocket\/workflows\/[^/?]+(\?|$)/;

/** The chart requests sent so far, by workflow name. */
function chartRequests(): string[] {
  return ctx.fake.requests
    .filter(r => RUNS.test(`${r.method} ${r.path}`))
    .map(r => decodeURIComponent(r.path.split('?')[0].split('/').pop()!));
}

/** The fake's own answer to `request`. */
async function fakeAnswer(request: Request): Promise<Response> {
  const headers = new Headers(request.headers);
  headers.set('Circle-Token', ctx.fake.token);
  return ctx.fake.handle(new Request(request.url, { headers }), { basePath: new URL(API_BASE).pathname });
}

/** The page a chart request asks for (its token, a number here), and the fake's runs without paging. */
async function fakeRuns(request: Request): Promise<{ name: string; page: number; runs: WorkflowRun[] }> {
  const url = new URL(request.url);
  const page = Number(url.searchParams.get('page-token') ?? 0);
  url.searchParams.delete('page-token');
  const runs = ((await (await fakeAnswer(new Request(url, request))).json()) as { items: WorkflowRun[] }).items;
  return { name: decodeURIComponent(url.pathname.split('/').pop()!), page, runs };
}

async function render() {
  await renderWithEntity({ element: <TabRoutes />, slug: ROCKET, routeEntries: ['/insights'] });
  await screen.findByTestId('insights-success-rate', {}, { timeout: 10_000 });
}

const NAMES = Array.from({ length: 40 }, (_, i) => `wf-${String(i + 1).padStart(2, '0')}`);

describe('the Insights charts', () => {
  it('charts the 5 busiest of 40 workflows at first, one more on demand, then all', async () => {
    // rocket with 40 workflows: the fake's metrics of its first workflow, once per name, wf-40 the busiest.
    ctx.server.use(
      http.get(`${INSIGHTS}/workflows`, async ({ request }) => {
        const body = (await (await fakeAnswer(request)).json()) as { items: WorkflowMetrics[] };
        const template = body.items[0];
        const items = NAMES.map((name, i) => ({
          ...template,
          name,
          metrics: { ...template.metrics, total_runs: i + 1 },
        }));
        return HttpResponse.json({ items, next_page_token: null });
      }),
    );
    await render();
    await screen.findByText('Flaky tests', {}, { timeout: 10_000 });
    await settle();
    const busiest = ['wf-36', 'wf-37', 'wf-38', 'wf-39', 'wf-40'];
    expect([...chartRequests()].sort()).toEqual(busiest);
    // eslint-disable-next-line no-console
    console.info(`Insights, 40 workflows: ${chartRequests().length} chart requests at first`);
    expect(INITIAL_CHARTS).toBe(5);
    expect(screen.getByText('Only the 5 busiest workflows (most runs) are charted at first.')).toBeInTheDocument();
    // One more, on demand.
    const section = screen.getByRole('region', { name: 'Recent runs of wf-01' });
    await userEvent.click(within(section).getByRole('button', { name: 'Chart the runs of wf-01' }));
    await waitFor(() => expect(chartRequests()).toHaveLength(6));
    expect(chartRequests()[5]).toBe('wf-01');
    expect(await within(section).findByText('No finished runs to chart.')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Chart the runs of wf-01' })).toBeNull();
    // Then all of them: each workflow is asked for once.
    await userEvent.click(screen.getByRole('button', { name: 'Chart all workflows (34 more)' }));
    await waitFor(() => expect(chartRequests()).toHaveLength(40));
    await settle();
    expect(new Set(chartRequests()).size).toBe(40);
    expect(screen.queryByRole('button', { name: /^Chart / })).toBeNull();
  });

  it('reads every page of the window’s runs for a chart', async () => {
    // The fake's runs, served in 3 pages; `total` keeps how many the fake has, by workflow.
    const total = new Map<string, number>();
    ctx.server.use(
      http.get(`${INSIGHTS}/workflows/:name`, async ({ request }) => {
        const { name, page: offset, runs: all } = await fakeRuns(request);
        total.set(name, all.length);
        const size = Math.max(1, Math.ceil(all.length / 3));
        const next = offset + size < all.length ? String(offset + size) : null;
        return HttpResponse.json({ items: all.slice(offset, offset + size), next_page_token: next });
      }),
    );
    await render();
    const name = screen.getByTestId('insights-success-rate').getAttribute('data-workflow')!;
    const section = screen.getByRole('region', { name: `Recent runs of ${name}` });
    const table = await within(section).findByTestId('insights-runs-table');
    const rows = within(table).getAllByRole('row').slice(1);
    const pages = chartRequests().filter(n => n === name).length;
    // More runs than one page: all three pages were read, and every run is charted.
    expect(rows.length).toBeGreaterThan(3);
    expect(pages).toBe(3);
    expect(rows).toHaveLength(total.get(name)!);
    expect(within(section).queryByTestId('insights-runs-capped')).toBeNull();
  });

  it('stops at the bound of pages, and says so', async () => {
    // A window with endless runs: every page has 3 and a next page.
    ctx.server.use(
      http.get(`${INSIGHTS}/workflows/:name`, async ({ request }) => {
        const { page, runs: real } = await fakeRuns(request);
        const items = [0, 1, 2].map(i => ({ ...real[0], id: crypto.randomUUID(), duration: 60 + page * 3 + i }));
        return HttpResponse.json({ items, next_page_token: String(page + 1) });
      }),
    );
    await render();
    const name = screen.getByTestId('insights-success-rate').getAttribute('data-workflow')!;
    const section = screen.getByRole('region', { name: `Recent runs of ${name}` });
    const notice = await within(section).findByTestId('insights-runs-capped', {}, { timeout: 10_000 });
    expect(WORKFLOW_RUN_PAGES).toBe(10);
    expect(notice).toHaveTextContent(
      'The chart shows the newest 30 runs: it reads at most 10 pages of runs, and the window has more.',
    );
    expect(chartRequests().filter(n => n === name)).toHaveLength(WORKFLOW_RUN_PAGES);
    const rows = within(within(section).getByTestId('insights-runs-table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(30);
  });
});
