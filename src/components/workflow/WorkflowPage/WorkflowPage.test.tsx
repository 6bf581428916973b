import { screen, within } from '@testing-library/react';
import { renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { TabRoutes } from '../../tab/TabRoutes';

jest.setTimeout(20_000);
const ctx = setupFakeCircleCI();

function workflowOf(pipelineNumber: number) {
  const id = ctx.fake.findWorkflow({ projectSlug: 'gh/acme/rocket', pipelineNumber });
  if (!id) throw new Error(`no workflow in pipeline ${pipelineNumber}`);
  return id;
}

describe('WorkflowPage', () => {
  it('shows an approval job waiting for approval, not as a link, and its blocked dependant', async () => {
    const { approval } = ctx.fake.demo;
    await renderWithEntity({
      element: <TabRoutes />,
      slug: 'gh/acme/rocket',
      routeEntries: [`/workflows/${approval.workflowId}`],
    });
    const jobs = await screen.findAllByTestId('workflow-job');
    const hold = jobs.find(j => j.textContent?.includes(approval.jobName))!;
    expect(within(hold).getByText('Waiting for approval')).toBeInTheDocument();
    expect(within(hold).queryByRole('link')).toBeNull();
    expect(within(hold).getByText(/^approval/)).toBeInTheDocument();
    expect(screen.getAllByText('Blocked').length).toBeGreaterThan(0);
    // The header: status, pipeline, who started it, and a way back.
    expect(await screen.findByText(/by ada-lovelace|by [a-z-]+/)).toBeInTheDocument();
    expect(screen.getAllByText(`Pipeline #${approval.pipelineNumber}`, { exact: false })).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Pipelines' })).toHaveAttribute('href', '/');
  });

  it('lays jobs out in stages and links build jobs to their job page', async () => {
    const { failingJob } = ctx.fake.demo;
    await renderWithEntity({
      element: <TabRoutes />,
      slug: 'gh/acme/rocket',
      routeEntries: [`/workflows/${failingJob.workflowId}`],
    });
    expect(await screen.findByText('Stage 1')).toBeInTheDocument();
    expect(screen.getByText('Stage 2')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: failingJob.jobName })).toHaveAttribute(
      'href',
      `/jobs/${failingJob.jobNumber}`,
    );
  });

  it('shows queued jobs distinctly and says the view is live while work runs', async () => {
    await renderWithEntity({
      element: <TabRoutes />,
      slug: 'gh/acme/rocket',
      routeEntries: [`/workflows/${workflowOf(ctx.fake.demo.pipelines.manyJobs)}`],
    });
    await screen.findAllByTestId('workflow-job');
    const running = await renderWithEntity({
      element: <TabRoutes />,
      slug: 'gh/acme/rocket',
      routeEntries: [`/workflows/${workflowOf(1264)}`],
    });
    expect(await running.findAllByText('Queued')).not.toHaveLength(0);
    expect(within(running.container).getByTestId('live-indicator')).toHaveTextContent(/^Live · updated/);
  });

  it('resolves a classic-plugin build link to the job page', async () => {
    const { failingJob } = ctx.fake.demo;
    await renderWithEntity({
      element: <TabRoutes />,
      slug: 'gh/acme/rocket',
      routeEntries: [`/${failingJob.jobNumber}`],
    });
    expect(
      (await screen.findAllByText(`Job ${failingJob.jobName} #${failingJob.jobNumber}`)).length,
    ).toBeGreaterThan(0);
  });
});
