/*
 * The Insights view's parts, against the fake: the chart's table fallback
 * with links to the runs, sorting a workflow's jobs, the flaky tests, and
 * that nothing is ever polled.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { circleCIApiRef } from '../../../api/CircleCIApi';
import { WORKFLOWS_ANNOTATION } from '../../../domain/workflowScope';
import { createTestClient, entityWith, renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { advance, settle } from '../../../__testUtils__/timers';
import { TabRoutes } from '../../tab/TabRoutes';

jest.setTimeout(60_000);
const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';

async function render() {
  await renderWithEntity({ element: <TabRoutes />, slug: ROCKET, routeEntries: ['/insights'] });
  return screen.findByTestId('insights-success-rate', {}, { timeout: 10_000 });
}

/** The workflow names in the order of the metrics table. */
const firstWorkflow = () => screen.getByTestId('insights-success-rate').getAttribute('data-workflow')!;

describe('the Insights view, in detail', () => {
  it('is linked from the pipelines page, and links back', async () => {
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });
    await userEvent.click(await screen.findByRole('link', { name: 'Insights' }, { timeout: 10_000 }));
    expect(await screen.findByText(`Insights of ${ROCKET}`)).toBeInTheDocument();
    await screen.findByTestId('insights-success-rate', {}, { timeout: 10_000 });
    await userEvent.click(screen.getByRole('link', { name: 'Pipelines' }));
    expect(await screen.findByText(`Pipelines of ${ROCKET}`, {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('has a table of each chart’s runs, each linked to its workflow page', async () => {
    await render();
    const name = firstWorkflow();
    const runs = (await createTestClient().listWorkflowRuns({ projectSlug: ROCKET, workflowName: name })).items;
    expect(runs.length).toBeGreaterThan(1);
    const section = screen.getByRole('region', { name: `Recent runs of ${name}` });
    const table = await within(section).findByTestId('insights-runs-table');
    expect(within(section).getByTestId('insights-chart')).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(runs.length);
    // Newest first, each linked to the tab's workflow page of that run.
    const newest = [...runs].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))[0];
    expect(within(rows[0]).getByRole('link')).toHaveAttribute('href', `/workflows/${newest.id}`);
    await userEvent.click(within(section).getByRole('button', { name: 'Show as table' }));
    expect(within(section).queryByTestId('insights-chart')).not.toBeInTheDocument();
    expect(within(section).getByTestId('insights-runs-table')).toBeVisible();
    expect(within(section).getByRole('button', { name: 'Show as chart' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('opens a run’s workflow page from a click on its point', async () => {
    await render();
    const name = firstWorkflow();
    const section = screen.getByRole('region', { name: `Recent runs of ${name}` });
    const chart = within(section).getByTestId('insights-chart');
    await waitFor(() => expect(chart.querySelectorAll('.recharts-symbols').length).toBeGreaterThan(0), {
      timeout: 10_000,
    });
    const runs = (await createTestClient().listWorkflowRuns({ projectSlug: ROCKET, workflowName: name })).items;
    expect(chart.querySelectorAll('.recharts-symbols')).toHaveLength(runs.length);
    await userEvent.click(chart.querySelectorAll('.recharts-symbols')[0]);
    // The oldest run's workflow page (points are drawn oldest first).
    const oldest = [...runs].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))[0];
    await waitFor(() =>
      expect(ctx.fake.requests.some(r => r.path === `v2/workflow/${oldest.id}`)).toBe(true),
    );
  });

  it('sorts a workflow’s jobs by a column', async () => {
    await render();
    const name = firstWorkflow();
    const section = screen.getByRole('region', { name: `Recent runs of ${name}` });
    await userEvent.click(within(section).getByRole('button', { name: 'Show jobs and tests' }));
    const title = await within(section).findByText(`Jobs of ${name}`, {}, { timeout: 10_000 });
    const jobs = await createTestClient().getJobMetrics({
      projectSlug: ROCKET,
      workflowName: name,
      reportingWindow: 'last-30-days',
    });
    expect(jobs.length).toBeGreaterThan(1);
    const table = title.closest('.MuiPaper-root') as HTMLElement;
    const names = () => within(table).getAllByRole('row').slice(1).map(r => r.querySelector('td')!.textContent);
    const p95 = (job: (typeof jobs)[number]) => job.metrics.duration_metrics.p95 ?? -Infinity;
    await userEvent.click(within(table).getByRole('button', { name: 'Duration p95' }));
    const ascending = [...jobs].sort((a, b) => p95(a) - p95(b)).map(j => j.name);
    await waitFor(() => expect(names()).toEqual(ascending));
    await userEvent.click(within(table).getByRole('button', { name: 'Duration p95' }));
    await waitFor(() => expect(names()).toEqual([...ascending].reverse()));
    expect(within(section).getByText(`Slowest tests of ${name}`)).toBeInTheDocument();
  });

  it('lists the flaky tests, linked to the job of their last flake', async () => {
    await render();
    const title = await screen.findByText('Flaky tests', {}, { timeout: 10_000 });
    const flaky = (await createTestClient().listFlakyTests({ projectSlug: ROCKET }))['flaky-tests'];
    expect(flaky.length).toBeGreaterThan(0);
    const table = title.closest('.MuiPaper-root') as HTMLElement;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(flaky.length);
    const test = flaky[0];
    const row = rows.find(r => r.textContent?.includes(test['test-name']))!;
    expect(row).toHaveTextContent(test['job-name']);
    expect(row).toHaveTextContent(test['workflow-name']);
    expect(within(row).getByRole('link', { name: `Job #${test['job-number']}` })).toHaveAttribute(
      'href',
      `/jobs/${test['job-number']}`,
    );
  });
});

describe('the Insights view of a component with a circleci.com/workflows scope', () => {
  it('shows only the named workflows, and asks for their charts only', async () => {
    const all = (await createTestClient().getWorkflowMetrics({ projectSlug: ROCKET, reportingWindow: 'last-30-days' })).items;
    expect(all.length).toBeGreaterThan(1);
    const kept = all[all.length - 1].name;
    const entity = entityWith(ROCKET);
    entity.metadata.annotations![WORKFLOWS_ANNOTATION] = kept;
    ctx.fake.clearRequests();
    await renderInTestApp(
      <TestApiProvider apis={[[circleCIApiRef, createTestClient()]]}>
        <EntityProvider entity={entity}>
          <TabRoutes />
        </EntityProvider>
      </TestApiProvider>,
      { routeEntries: ['/insights'] },
    );
    const cell = await screen.findByTestId('insights-success-rate', {}, { timeout: 10_000 });
    expect(cell).toHaveAttribute('data-workflow', kept);
    expect(screen.getAllByRole('region', { name: /^Recent runs of / })).toHaveLength(1);
    await screen.findByText('Flaky tests', {}, { timeout: 10_000 });
    const charts = ctx.fake.requests.filter(r => /^v2\/insights\/gh\/acme\/rocket\/workflows\/[^/?]+(\?|$)/.test(r.path));
    expect(charts.map(r => decodeURIComponent(r.path.split('/').pop()!.split('?')[0]))).toEqual([kept]);
  });
});

describe('the Insights view, with fake timers', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('is never polled, not even after its cache time', async () => {
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET, routeEntries: ['/insights'] });
    for (let i = 0; i < 20 && !screen.queryByText('Flaky tests'); i++) {
      await settle();
      await advance(1000);
    }
    expect(screen.getByText('Flaky tests')).toBeInTheDocument();
    await advance(2000);
    await settle();
    const before = ctx.fake.requests.length;
    expect(before).toBeGreaterThan(3);
    await advance(15 * 60_000);
    await settle();
    expect(ctx.fake.requests.length).toBe(before);
  });
});
