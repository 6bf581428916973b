/*
 * The Insights view through the real client against the fake CircleCI:
 * figures as the fake computes them from its own history, URL state,
 * the requests of each loading phase, the chart's table, jobs, flaky tests.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DAY_MS, finishedRuns, runMetrics, WINDOW_DAYS } from '../../../../dev/fake-circleci/sim/insights';
import { renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { formatPercent, formatSeconds } from '../../../domain/insights';
import { TabRoutes } from '../../tab/TabRoutes';

jest.setTimeout(60_000);
const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';

const log = () => ctx.fake.requests.map(r => `${r.method} ${r.path}`);
const matching = (re: RegExp) => log().filter(l => re.test(l));
const METRICS = /^GET v2\/insights\/gh\/acme\/rocket\/workflows(\?|$)/;
const RUNS = /^GET v2\/insights\/gh\/acme\/rocket\/workflows\/[^/?]+(\?|$)/;
const SUMMARY = /^GET v2\/insights\/gh\/acme\/rocket\/workflows\/[^/?]+\/summary/;
const BRANCHES = /^GET v2\/insights\/gh\/acme\/rocket\/branches/;
const FLAKY = /^GET v2\/insights\/gh\/acme\/rocket\/flaky-tests/;
const PROJECT = /^GET v2\/project\/gh\/acme\/rocket$/;
const JOBS = /^GET v2\/insights\/gh\/acme\/rocket\/workflows\/[^/?]+\/jobs/;
const TESTS = /^GET v2\/insights\/gh\/acme\/rocket\/workflows\/[^/?]+\/test-metrics/;

/** The fake's own figures for rocket at the time of its metrics request. */
function expected(options: { branch?: string | null; days: number }) {
  const project = ctx.fake.state.projects.find(p => p.slug === ROCKET)!;
  const t = ctx.fake.requests.find(r => METRICS.test(`${r.method} ${r.path}`))!.time;
  const branch = options.branch === null ? undefined : options.branch ?? project.defaultBranch;
  const runs = finishedRuns({ project, branch, from: t - options.days * DAY_MS, to: t, t });
  const names = [...new Set(runs.map(r => r.workflow.name))].sort();
  return names.map(name => ({ name, ...runMetrics(runs.filter(r => r.workflow.name === name), options.days) }));
}

async function render(route = '/insights') {
  const view = await renderWithEntity({ element: <TabRoutes />, slug: ROCKET, routeEntries: [route] });
  await screen.findByTestId('insights-success-rate', {}, { timeout: 10_000 });
  return view;
}

/** Waits until the phase-2 requests have answered (the flaky tests table is shown). */
async function phaseTwo() {
  await screen.findByText('Flaky tests', {}, { timeout: 10_000 });
}

describe('the Insights view', () => {
  it('shows the metrics the fake computes, then trends, and costs exactly the planned requests', async () => {
    await render();
    const figures = expected({ days: WINDOW_DAYS['last-30-days'] });
    expect(figures.length).toBeGreaterThan(0);
    const cell = screen.getByTestId('insights-success-rate');
    expect(cell).toHaveAttribute('data-workflow', figures[0].name);
    expect(cell).toHaveTextContent(formatPercent(figures[0].success_rate));
    const row = cell.closest('tr')!;
    expect(row).toHaveTextContent(formatSeconds(figures[0].duration_metrics.p95));
    expect(screen.getByTestId('insights-freshness')).toHaveTextContent(/^Figures from .+ to .+, computed/);
    // The default branch: no branch parameter; the default window.
    expect(matching(METRICS)).toEqual([
      'GET v2/insights/gh/acme/rocket/workflows?reporting-window=last-30-days',
    ]);
    await phaseTwo();
    await waitFor(() => expect(matching(SUMMARY)).toHaveLength(figures.length));
    // Phase 1: metrics, then one chart request per workflow; phase 2 only after all of them.
    const all = log();
    const n = figures.length;
    expect(matching(RUNS)).toHaveLength(n);
    expect(matching(BRANCHES)).toHaveLength(1);
    expect(matching(FLAKY)).toHaveLength(1);
    expect(matching(PROJECT)).toHaveLength(1);
    const lastPhaseOne = Math.max(...all.map((l, i) => (METRICS.test(l) || RUNS.test(l) ? i : -1)));
    const firstPhaseTwo = all.findIndex(l => SUMMARY.test(l) || BRANCHES.test(l) || FLAKY.test(l) || PROJECT.test(l));
    expect(lastPhaseOne).toBe(n);
    expect(firstPhaseTwo).toBe(n + 1);
    expect(all).toHaveLength(2 * n + 4);
    // Trends are shown as arrows with text, not colour only.
    await waitFor(() => expect(document.querySelectorAll('[data-trend]').length).toBeGreaterThan(0));
    // Phase 3, on demand: jobs and tests of one workflow.
    const section = screen.getByRole('region', { name: `Recent runs of ${figures[0].name}` });
    await userEvent.click(within(section).getByRole('button', { name: 'Show jobs and tests' }));
    await within(section).findByText(`Jobs of ${figures[0].name}`, {}, { timeout: 10_000 });
    expect(matching(JOBS)).toHaveLength(1);
    expect(matching(TESTS)).toHaveLength(1);
    expect(log()).toHaveLength(2 * n + 6);
  });

  it('keeps window and branch in the URL and sends them as reporting-window, branch and all-branches', async () => {
    await render('/insights?window=last-7-days');
    expect(matching(METRICS)).toEqual(['GET v2/insights/gh/acme/rocket/workflows?reporting-window=last-7-days']);
    const windowPicker = screen.getByLabelText('Reporting window');
    expect(windowPicker).toHaveValue('last-7-days');
    // The charts show the window's runs: `start-date` is 7 days before the request.
    await waitFor(() => expect(matching(RUNS).length).toBeGreaterThan(0), { timeout: 10_000 });
    const runs = ctx.fake.requests.find(r => RUNS.test(`${r.method} ${r.path}`))!;
    const start = Date.parse(new URLSearchParams(runs.path.split('?')[1]).get('start-date') ?? '');
    expect(Math.abs(runs.time - 7 * 24 * 3_600_000 - start)).toBeLessThan(60_000);
    await userEvent.selectOptions(windowPicker, 'last-90-days');
    await waitFor(() => expect(matching(METRICS)).toHaveLength(2));
    expect(matching(METRICS)[1]).toBe('GET v2/insights/gh/acme/rocket/workflows?reporting-window=last-90-days');
    await screen.findByTestId('insights-success-rate', {}, { timeout: 10_000 });
    await phaseTwo();
    const branchPicker = screen.getByLabelText('Branch');
    // The default branch first (named once the project is read), all branches last.
    const options = within(branchPicker).getAllByRole('option').map(o => o.textContent);
    expect(options[0]).toBe('main (default)');
    expect(options[options.length - 1]).toBe('All branches');
    await userEvent.selectOptions(branchPicker, 'feature/login');
    await waitFor(() => expect(matching(METRICS)).toHaveLength(3));
    expect(matching(METRICS)[2]).toBe(
      'GET v2/insights/gh/acme/rocket/workflows?branch=feature%2Flogin&reporting-window=last-90-days',
    );
    expect(screen.getByLabelText('Branch')).toHaveValue('feature/login');
    await userEvent.selectOptions(screen.getByLabelText('Branch'), 'All branches');
    await waitFor(() => expect(matching(METRICS)).toHaveLength(4));
    expect(matching(METRICS)[3]).toBe(
      'GET v2/insights/gh/acme/rocket/workflows?all-branches=true&reporting-window=last-90-days',
    );
    await screen.findByTestId('insights-success-rate', {}, { timeout: 10_000 });
    const figures = expected({ branch: null, days: 90 });
    expect(screen.getByTestId('insights-success-rate')).toHaveTextContent(formatPercent(figures[0].success_rate));
    // Back to a window already read: served from the cache, no request.
    await userEvent.selectOptions(screen.getByLabelText('Branch'), 'main (default)');
    await screen.findByTestId('insights-success-rate');
    expect(matching(METRICS)).toHaveLength(4);
  });
});
