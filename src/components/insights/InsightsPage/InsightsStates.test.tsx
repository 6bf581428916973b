/*
 * The Insights view's states, against the fake: 403 and 404 explain the
 * token insights need, no data says so, a malformed body is explained, and
 * partial metrics show "—", never NaN.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { API_BASE, renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { TabRoutes } from '../../tab/TabRoutes';

jest.setTimeout(60_000);
const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';
const METRICS = /^GET v2\/insights\/gh\/acme\/rocket\/workflows(\?|$)/;

const render = (slug = ROCKET, route = '/insights') =>
  renderWithEntity({ element: <TabRoutes />, slug, routeEntries: [route] });

describe('the Insights view’s states', () => {
  it.each([403, 404])('explains a %i: insights need a personal API token whose user sees the project', async status => {
    ctx.fake.failPath({ match: METRICS, status });
    await render();
    const alert = await screen.findByText(/CircleCI refused the insights of/, {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent(`CircleCI refused the insights of ${ROCKET} (HTTP ${status})`);
    expect(alert).toHaveTextContent(/personal API token .* whose user can see this project/);
    expect(screen.getByText('Insights not available')).toBeInTheDocument();
    // Nothing else is asked once the first request is refused.
    expect(ctx.fake.requests.filter(r => r.path.startsWith('v2/insights'))).toHaveLength(1);
  });

  it('explains a failed chart request in its section, and still shows the metrics', async () => {
    ctx.fake.failPath({ match: /^GET v2\/insights\/gh\/acme\/rocket\/workflows\/[^/?]+(\?|$)/, status: 403 });
    await render();
    await screen.findByTestId('insights-success-rate', {}, { timeout: 10_000 });
    expect((await screen.findAllByText(/CircleCI refused the insights of/)).length).toBeGreaterThan(0);
  });

  it('says so when a project has no runs yet', async () => {
    await render(ctx.fake.demo.slugs.empty);
    expect(await screen.findByText('No insights yet', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(
      screen.getByText(`${ctx.fake.demo.slugs.empty} has no finished workflow runs on its default branch in the last 30 days.`),
    ).toBeInTheDocument();
  });

  it('says so when a branch has no runs in the window', async () => {
    await render(ROCKET, '/insights?branch=no-such-branch&window=last-24-hours');
    expect(
      await screen.findByText(`${ROCKET} has no finished workflow runs on no-such-branch in the last 24 hours.`, {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });

  it('explains a malformed body', async () => {
    ctx.fake.failPath({ match: METRICS, mode: 'malformed-json' });
    await render();
    expect(await screen.findByText('Unreadable response', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByTestId('insights-success-rate')).not.toBeInTheDocument();
  });

  it('shows "—" for missing or unreadable figures, never NaN', async () => {
    ctx.server.use(
      http.get(`${API_BASE}/v2/insights/gh/acme/rocket/workflows`, () =>
        HttpResponse.json({
          items: [
            {
              name: 'build',
              metrics: {
                success_rate: null,
                total_runs: 'many',
                failed_runs: 2,
                throughput: Number.MAX_VALUE * 0,
                duration_metrics: { p95: 'NaN', median: 61 },
              },
              window_start: '',
              window_end: 'not a date',
            },
            { name: 'deploy' },
          ],
          next_page_token: null,
        }),
      ),
    );
    await render();
    const cell = await screen.findByTestId('insights-success-rate', {}, { timeout: 10_000 });
    expect(cell).toHaveTextContent(/^—/);
    const row = cell.closest('tr')!;
    // A figure's cell holds its value, then its trend.
    const cells = within(row).getAllByRole('cell').map(c => (c.querySelector('span') ?? c).textContent);
    expect(cells[0]).toBe('build');
    expect(cells[2]).toBe('—');
    expect(cells[3]).toBe('2');
    expect(cells.join(' ')).toContain('1m 1s');
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/);
    expect(screen.getByTestId('insights-freshness')).toHaveTextContent(/did not say when/);
  });

  it('has a project switcher for a monorepo entity, kept in the URL', async () => {
    const { monoApi, monoWeb } = ctx.fake.demo.slugs;
    await render(`${monoApi}, ${monoWeb}`);
    const tabs = await screen.findByRole('tablist', { name: 'CircleCI projects' });
    expect(await screen.findByText(`Insights of ${monoApi}`, {}, { timeout: 10_000 })).toBeInTheDocument();
    const metricsOf = (slug: string) =>
      ctx.fake.requests.filter(r => r.path.split('?')[0] === `v2/insights/${slug}/workflows`);
    expect(metricsOf(monoApi)).toHaveLength(1);
    expect(metricsOf(monoWeb)).toHaveLength(0);
    await userEvent.click(within(tabs).getByRole('tab', { name: monoWeb }));
    expect(await screen.findByText(`Insights of ${monoWeb}`)).toBeInTheDocument();
    await waitFor(() => expect(metricsOf(monoWeb)).toHaveLength(1));
  });
});
