import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getsSince, postsTo, renderWithActions } from '../../../__testUtils__/actions';
import { setupFakeCircleCI } from '../../../__testUtils__/setup';
import { TabRoutes } from '../../tab/TabRoutes';

jest.setTimeout(30_000);
const ctx = setupFakeCircleCI();
const SLUG = 'gh/acme/rocket';

function newestNumber(slug: string): number {
  const project = ctx.fake.state.projects.find(p => p.slug === slug)!;
  return Math.max(...project.pipelines.map(p => p.number));
}

async function openList(slug: string) {
  const view = await renderWithActions({ element: <TabRoutes />, slug, actions: { enabled: true } });
  await screen.findAllByText(/#\d+/);
  await waitFor(() => expect(screen.queryAllByText('Loading workflows…')).toHaveLength(0), { timeout: 10_000 });
  return view;
}

describe('trigger pipeline', () => {
  it('triggers a gh project on a branch with typed parameters; the new pipeline is on top', async () => {
    await openList(SLUG);
    const before = newestNumber(SLUG);
    await userEvent.click(screen.getByRole('button', { name: 'Trigger pipeline' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Branch name'), 'feature/login');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add parameter' }));
    await userEvent.type(within(dialog).getByLabelText('Parameter 1 name'), 'replicas');
    await userEvent.click(within(dialog).getByLabelText('Parameter 1 type'));
    await userEvent.click(await screen.findByRole('option', { name: 'integer' }));
    await userEvent.type(within(dialog).getByLabelText('Parameter 1 value'), '3');
    const from = ctx.fake.requests.length;
    await userEvent.click(within(dialog).getByRole('button', { name: 'Trigger' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(postsTo(ctx.fake)).toEqual([`v2/project/${SLUG}/pipeline`]);
    const created = ctx.fake.state.projects.find(p => p.slug === SLUG)!.pipelines.at(-1)!;
    expect(created.number).toBe(before + 1);
    expect(created.parameters).toEqual({ replicas: 3 });
    const rows = await screen.findAllByRole('row');
    await waitFor(() => expect(screen.getAllByRole('row')[1]).toHaveTextContent(`#${before + 1}`));
    expect(rows.length).toBeGreaterThan(2);
    // Only the list's first page and the new pipeline's workflows are read.
    const gets = getsSince(ctx.fake, from);
    expect(gets.filter(p => p.startsWith(`v2/project/${SLUG}/pipeline`))).toHaveLength(1);
    expect(gets.filter(p => /^v2\/pipeline\/[^/]+\/workflow/.test(p))).toEqual([
      `v2/pipeline/${created.id}/workflow`,
    ]);
  });

  it('runs a chosen pipeline definition for a circleci/ project', async () => {
    const slug = ctx.fake.demo.slugs.standalone;
    await openList(slug);
    await userEvent.click(screen.getByRole('button', { name: 'Trigger pipeline' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(await within(dialog).findByLabelText('Pipeline definition'));
    await userEvent.click(await screen.findByRole('option', { name: /nightly/ }));
    await userEvent.dblClick(within(dialog).getByRole('button', { name: 'Trigger' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(postsTo(ctx.fake)).toEqual([`v2/project/${slug}/pipeline/run`]);
  });

  it('shows CircleCI\'s 400 message as text in the dialog', async () => {
    ctx.fake.failPath({ match: `POST v2/project/${SLUG}/pipeline`, status: 400, times: 1 });
    await openList(SLUG);
    await userEvent.click(screen.getByRole('button', { name: 'Trigger pipeline' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Trigger' }));
    expect(await within(dialog).findByTestId('action-error')).toHaveTextContent(/refused the trigger/);
    expect(postsTo(ctx.fake)).toHaveLength(1);
  });
});

describe('compact actions in the pipelines list', () => {
  it('reruns a failed workflow from failed: the new run is current, the old one under earlier runs', async () => {
    const { failingJob } = ctx.fake.demo;
    await openList(SLUG);
    const pipeline = ctx.fake.state.findWorkflow(failingJob.workflowId)!.pipeline;
    const row = screen.getAllByRole('row').find(r => r.textContent?.includes(`#${pipeline.number}`))!;
    const name = ctx.fake.state.findWorkflow(failingJob.workflowId)!.workflow.name;
    expect(within(row).queryByText(/Earlier runs/)).toBeNull();
    const from = ctx.fake.requests.length;
    await userEvent.click(within(row).getByRole('button', { name: `Rerun workflow ${name}` }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Rerun from failed' }));
    await waitFor(() => expect(within(row).getByText(/Earlier runs/)).toBeInTheDocument());
    expect(row).toHaveTextContent(new RegExp(`Running${name}.*Earlier runs: ${name} \\(failed\\)`));
    expect(postsTo(ctx.fake)).toEqual([`v2/workflow/${failingJob.workflowId}/rerun`]);
    expect(getsSince(ctx.fake, from)).toEqual([`v2/pipeline/${pipeline.id}/workflow`]);
  });
});
