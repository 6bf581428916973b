/*
 * The tab's `columns` prop: the default columns, and an app's own list
 * (built-in columns reordered, one changed, one dropped, one of its own),
 * through the real client against the fake CircleCI.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { TabRoutes } from '../../tab/TabRoutes';
import { circleCIPipelineColumns, defaultCircleCIPipelineColumns } from './columns';
import type { CircleCIPipelineColumn } from './types';

jest.setTimeout(30_000);
const ctx = setupFakeCircleCI();

async function renderTab(columns?: CircleCIPipelineColumn[]) {
  await renderWithEntity({ element: <TabRoutes columns={columns} />, slug: ctx.fake.demo.slugs.rocket });
  await screen.findAllByText(/^#\d+$/);
  await waitFor(() => expect(screen.queryAllByText('Loading workflows…')).toHaveLength(0), { timeout: 5000 });
  const table = screen.getByRole('table', { name: 'Pipelines' });
  const headings = within(table)
    .getAllByRole('columnheader')
    .map(h => h.textContent);
  return { table, headings };
}

describe('the pipelines table columns', () => {
  it('shows the seven default columns, in order, without a columns prop', async () => {
    const { table, headings } = await renderTab();
    expect(headings).toEqual([
      'Pipeline',
      'Branch / tag',
      'Commit',
      'Triggered by',
      'Workflows',
      'Started',
      'Duration',
    ]);
    expect(defaultCircleCIPipelineColumns().map(c => c.id)).toEqual([
      'pipeline',
      'branch',
      'commit',
      'actor',
      'workflows',
      'started',
      'duration',
    ]);
    expect(within(table).getAllByTestId('pipeline-ref').map(r => r.textContent)).toContain('feature/login');
  });

  it("shows an app's columns: built-in ones reordered and changed, one dropped, one of its own", async () => {
    const { slugs } = ctx.fake.demo;
    const pipelines = (await ctx.fake.handle(
      new Request(`http://x/api/v2/project/${slugs.rocket}/pipeline`, { headers: { 'Circle-Token': ctx.fake.token } }),
    ).then(r => r.json())) as { items: Array<{ number: number; trigger: { type: string } }> };
    const columns: CircleCIPipelineColumn[] = [
      { ...circleCIPipelineColumns.createBranchColumn(), title: 'Ref' },
      circleCIPipelineColumns.createPipelineColumn(),
      {
        id: 'trigger',
        title: 'Trigger',
        render: row => <span data-testid="trigger-cell">{`${row.pipeline.trigger.type} #${row.pipeline.number}`}</span>,
      },
      circleCIPipelineColumns.createWorkflowsColumn(),
      circleCIPipelineColumns.createDurationColumn(),
    ];
    const { table, headings } = await renderTab(columns);
    expect(headings).toEqual(['Ref', 'Pipeline', 'Trigger', 'Workflows', 'Duration']);
    // The app's own cells, one per row, from the rows' pipelines.
    const newest = pipelines.items[0];
    const triggers = within(table).getAllByTestId('trigger-cell');
    expect(triggers[0]).toHaveTextContent(`${newest.trigger.type} #${newest.number}`);
    expect(triggers).toHaveLength(within(table).getAllByText(/^#\d+$/).length);
    // The built-in ones still render with the table's links and translations.
    expect(within(table).getAllByTestId('pipeline-ref').map(r => r.textContent)).toContain('feature/login');
    expect(within(table).getAllByRole('link', { name: 'build-and-test' }).length).toBeGreaterThan(0);
    // The dropped columns are gone.
    expect(within(table).queryByText('Triggered by')).toBeNull();
    expect(within(table).queryByText('Commit')).toBeNull();
  });
});
