import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getsSince, postsTo, renderWithActions } from '../../../__testUtils__/actions';
import { setupFakeCircleCI } from '../../../__testUtils__/setup';
import { callFake } from '../../../../dev/fake-circleci/testing';
import { TabRoutes } from '../../tab/TabRoutes';

jest.setTimeout(30_000);
const ctx = setupFakeCircleCI();
const SLUG = 'gh/acme/rocket';

async function runningJob(): Promise<number> {
  for (const n of [1265, 1264]) {
    const wf = ctx.fake.findWorkflow({ projectSlug: SLUG, pipelineNumber: n });
    const jobs = (await callFake({ fake: ctx.fake, path: `v2/workflow/${wf}/job` })).json<{
      items: Array<{ status: string; job_number?: number }>;
    }>().items;
    const job = jobs.find(j => (j.status === 'running' || j.status === 'queued') && j.job_number);
    if (job?.job_number) return job.job_number;
  }
  throw new Error('no running job');
}

describe('job actions', () => {
  it('"Rerun this job" reruns only this job with one POST, also on a double click', async () => {
    const { failingJob } = ctx.fake.demo;
    await renderWithActions({
      element: <TabRoutes />,
      slug: SLUG,
      actions: { enabled: true },
      routeEntries: [`/jobs/${failingJob.jobNumber}`],
    });
    const button = await screen.findByRole('button', { name: 'Rerun this job' });
    await waitFor(() => expect(button).toBeEnabled());
    ctx.fake.setLatency(200);
    await userEvent.dblClick(button);
    await waitFor(() => expect(postsTo(ctx.fake)).toEqual([`v2/workflow/${failingJob.workflowId}/rerun`]));
    // It opens the new workflow.
    expect(await screen.findByText(/^Workflow /, { selector: 'h2,h3,h4,h5,span,div' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Rerun this job')).toBeNull());
    expect(postsTo(ctx.fake)).toHaveLength(1);
  });

  it('"Cancel job" asks first, sends one POST and re-reads only the job and its workflow', async () => {
    const n = await runningJob();
    await renderWithActions({
      element: <TabRoutes />,
      slug: SLUG,
      actions: { enabled: true },
      routeEntries: [`/jobs/${n}`],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel job' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(`#${n}`);
    expect(dialog).toHaveTextContent(SLUG);
    const from = ctx.fake.requests.length;
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel job' }));
    await waitFor(() => expect(postsTo(ctx.fake)).toEqual([`v2/project/${SLUG}/job/${n}/cancel`]));
    expect((await screen.findAllByText('Canceled')).length).toBeGreaterThan(0);
    const gets = getsSince(ctx.fake, from);
    expect(gets).toContain(`v2/project/${SLUG}/job/${n}`);
    expect(gets.filter(p => !/^v2\/(project\/gh\/acme\/rocket\/job\/\d+|workflow\/[^/]+(\/job)?|pipeline\/[^/]+\/workflow)(\?.*)?$/.test(p))).toEqual([]);
  });
});

describe('approve', () => {
  it('approves the waiting job with one POST; the hold job moves on', async () => {
    const { approval } = ctx.fake.demo;
    const { analytics } = await renderWithActions({
      element: <TabRoutes />,
      slug: SLUG,
      actions: { enabled: false, approve: true },
      routeEntries: [`/workflows/${approval.workflowId}`],
    });
    const button = await screen.findByRole('button', { name: `Approve ${approval.jobName}` });
    // Approve alone: no rerun or cancel.
    expect(screen.queryByRole('button', { name: /^Rerun$/ })).toBeNull();
    await userEvent.dblClick(button);
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: `Approve ${approval.jobName}` })).toBeNull(),
    );
    expect(postsTo(ctx.fake)).toEqual([
      `v2/workflow/${approval.workflowId}/approve/${approval.approvalRequestId}`,
    ]);
    const hold = (await screen.findAllByTestId('workflow-job')).find(j =>
      j.textContent?.includes(approval.jobName),
    )!;
    await waitFor(() => expect(within(hold).queryByText('Waiting for approval')).toBeNull());
    expect(analytics.captureEvent).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'circleci-action', subject: 'approve-job' }),
    );
  });
});
