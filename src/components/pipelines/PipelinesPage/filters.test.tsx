import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTestClient, renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { derivePipelineStatus } from '../../../domain/status';
import { statusMatches } from '../../../domain/pipelineFilters';
import { TabRoutes } from '../../tab/TabRoutes';

jest.setTimeout(30_000);

const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';

/** The first page with each pipeline's status and workflow names, through the client. */
async function firstPage() {
  const client = createTestClient();
  const page = await client.listPipelines({ projectSlug: ROCKET });
  return Promise.all(
    page.items.map(async p => {
      const workflows = (await client.listWorkflows({ pipelineId: p.id })).items;
      return { number: p.number, status: derivePipelineStatus({ state: p.state, workflows }), names: workflows.map(w => w.name) };
    }),
  );
}

function shownNumbers(): string[] {
  return screen.queryAllByText(/^#\d+/).map(e => /^#\d+/.exec(e.textContent!)![0]);
}

describe('the status and workflow filters', () => {
  it('reads the status filter from the URL and says what it covers', async () => {
    const rows = await firstPage();
    const failed = rows.filter(r => statusMatches({ status: r.status, filter: 'failed' }));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(rows.length);
    ctx.fake.setLatency(0);
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET, routeEntries: ['/?status=failed'] });
    await waitFor(() =>
      expect(screen.getByText(`${failed.length} failed pipelines among the last 20 loaded`)).toBeInTheDocument(),
    );
    expect(shownNumbers().sort()).toEqual(failed.map(r => `#${r.number}`).sort());
    const success = rows.filter(r => statusMatches({ status: r.status, filter: 'success' }));
    await userEvent.selectOptions(await screen.findByLabelText('Status'), 'Only success');
    await waitFor(() =>
      expect(screen.getByText(`${success.length} success pipelines among the last 20 loaded`)).toBeInTheDocument(),
    );
    expect(shownNumbers().sort()).toEqual(success.map(r => `#${r.number}`).sort());
  });

  it('filters by a workflow picked from those loaded', async () => {
    const rows = await firstPage();
    const names = [...new Set(rows.flatMap(r => r.names))].sort();
    const name = names.find(n => rows.some(r => !r.names.includes(n)))!;
    const withName = rows.filter(r => r.names.includes(name));
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });
    await screen.findAllByText(/^#\d+$/);
    await waitFor(() => expect(screen.queryAllByText('Loading workflows…')).toHaveLength(0));
    const select = await screen.findByLabelText('Workflow');
    expect(within(select).getAllByRole('option').map(o => o.textContent)).toEqual(['Any workflow', ...names]);
    await userEvent.selectOptions(select, name);
    await waitFor(() =>
      expect(
        screen.getByText(`${withName.length} pipelines with workflow ${name} among the last 20 loaded`),
      ).toBeInTheDocument(),
    );
    expect(shownNumbers().sort()).toEqual(withName.map(r => `#${r.number}`).sort());
  });

  it('takes a simple glob from the URL', async () => {
    const rows = await firstPage();
    const name = rows.flatMap(r => r.names).find(n => n.length > 3)!;
    const glob = `${name.slice(0, 3)}*`;
    const kept = rows.filter(r => r.names.some(n => n.startsWith(name.slice(0, 3))));
    await renderWithEntity({
      element: <TabRoutes />,
      slug: ROCKET,
      routeEntries: [`/?workflow=${encodeURIComponent(glob)}`],
    });
    await waitFor(() =>
      expect(
        screen.getByText(`${kept.length} pipelines with workflow ${glob} among the last 20 loaded`),
      ).toBeInTheDocument(),
    );
    expect(shownNumbers().sort()).toEqual(kept.map(r => `#${r.number}`).sort());
  });
});
