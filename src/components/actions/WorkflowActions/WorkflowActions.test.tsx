import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { mockApis } from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { getsSince, postsTo, renderWithActions } from '../../../__testUtils__/actions';
import { API_BASE, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { TabRoutes } from '../../tab/TabRoutes';

jest.setTimeout(30_000);
const ctx = setupFakeCircleCI();
const SLUG = 'gh/acme/rocket';

function runningWorkflow(): string {
  const id = ctx.fake.findWorkflow({ projectSlug: SLUG, pipelineNumber: 1265 });
  if (!id) throw new Error('no running workflow');
  return id;
}

async function openWorkflow(workflowId: string, actions = { enabled: true }) {
  const view = await renderWithActions({
    element: <TabRoutes />,
    slug: SLUG,
    actions,
    routeEntries: [`/workflows/${workflowId}`],
  });
  await screen.findAllByTestId('workflow-job');
  return view;
}

describe('workflow actions', () => {
  it('renders no action control anywhere while actions are off (the default)', async () => {
    const { approval, failingJob } = ctx.fake.demo;
    for (const route of [
      `/workflows/${failingJob.workflowId}`,
      `/workflows/${approval.workflowId}`,
      `/workflows/${runningWorkflow()}`,
      `/jobs/${failingJob.jobNumber}`,
      '/',
    ]) {
      const view = await renderWithActions({ element: <TabRoutes />, slug: SLUG, routeEntries: [route] });
      await waitFor(() => expect(view.queryAllByText(/Loading/).length).toBe(0), { timeout: 10_000 });
      if (route === '/') await view.findAllByText(/#\d+/);
      else await view.findByText('Open on CircleCI');
      const names = view.queryAllByRole('button').map(b => b.getAttribute('aria-label') ?? b.textContent);
      expect([route, names.filter(n => /rerun|cancel|approve|trigger/i.test(n ?? ''))]).toEqual([route, []]);
      view.unmount();
    }
    expect(postsTo(ctx.fake)).toEqual([]);
  });

  it('reruns a failed workflow from failed with one POST and opens the new workflow', async () => {
    const { failingJob } = ctx.fake.demo;
    const { analytics } = await openWorkflow(failingJob.workflowId);
    await userEvent.click(screen.getByRole('button', { name: /^Rerun$/ }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Rerun from failed' }));
    await waitFor(() => expect(postsTo(ctx.fake)).toEqual([`v2/workflow/${failingJob.workflowId}/rerun`]));
    // The new workflow replaces the page: its jobs run again.
    await waitFor(() => expect(screen.queryByText('Failed')).toBeNull(), { timeout: 10_000 });
    expect(postsTo(ctx.fake)).toHaveLength(1);
    expect(analytics.captureEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'circleci-action-succeeded',
        subject: 'rerun-workflow',
        attributes: expect.objectContaining({ project: SLUG, workflow: failingJob.workflowId }),
      }),
    );
  });

  it('in proxy mode asks no permission (nothing would enforce it): as before, enabled, and the POST names no entity', async () => {
    const { failingJob } = ctx.fake.demo;
    const authorize = jest.fn((): AuthorizeResult.DENY => AuthorizeResult.DENY);
    await renderWithActions({
      element: <TabRoutes />,
      slug: SLUG,
      actions: { enabled: true },
      permission: mockApis.permission({ authorize }),
      routeEntries: [`/workflows/${failingJob.workflowId}`],
    });
    await screen.findAllByTestId('workflow-job');
    await userEvent.click(screen.getByRole('button', { name: /^Rerun$/ }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Rerun from failed' }));
    await waitFor(() => expect(postsTo(ctx.fake)).toEqual([`v2/workflow/${failingJob.workflowId}/rerun`]));
    expect(authorize).not.toHaveBeenCalled();
  });

  it('offers rerun from failed only when something failed', async () => {
    await openWorkflow(runningWorkflow());
    await userEvent.click(screen.getByRole('button', { name: /^Rerun$/ }));
    expect(await screen.findByRole('menuitem', { name: 'Rerun from start' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Rerun from failed' })).toBeNull();
  });

  it('asks before rerunning running work from the start, naming workflow and project', async () => {
    const id = runningWorkflow();
    await openWorkflow(id);
    await userEvent.click(screen.getByRole('button', { name: /^Rerun$/ }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Rerun from start' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(SLUG);
    expect(dialog).toHaveTextContent(/Rerun workflow [\w-]+ from the start\?/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep it running' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(postsTo(ctx.fake)).toEqual([]);
  });

  it('cancels after confirmation: one POST, "Canceling…", then "Canceled", re-reading only the workflow', async () => {
    const id = runningWorkflow();
    await openWorkflow(id);
    await userEvent.click(screen.getByRole('button', { name: /^Cancel$/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(SLUG);
    const from = ctx.fake.requests.length;
    expect(screen.queryByText('Canceled')).toBeNull();
    ctx.fake.setLatency(300);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel workflow' }));
    expect(await screen.findByText('Canceling…')).toBeInTheDocument();
    expect((await screen.findAllByText('Canceled')).length).toBeGreaterThan(0);
    await waitFor(() => expect(screen.queryByText('Canceling…')).toBeNull());
    expect(postsTo(ctx.fake)).toEqual([`v2/workflow/${id}/cancel`]);
    const gets = getsSince(ctx.fake, from);
    expect(gets.every(p => p === `v2/workflow/${id}` || p.startsWith(`v2/workflow/${id}/job`) || /^v2\/pipeline\/[^/]+$/.test(p))).toBe(true);
    expect(gets).toContain(`v2/workflow/${id}`);
  });

  it('refreshes instead of jumping when the rerun answer has no workflow_id', async () => {
    ctx.fake.setQuirks({ legacyAcceptedPosts: true });
    const { failingJob } = ctx.fake.demo;
    await openWorkflow(failingJob.workflowId);
    await userEvent.click(screen.getByRole('button', { name: /^Rerun$/ }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Rerun from failed' }));
    expect(await screen.findByText(/Rerun started/)).toBeInTheDocument();
    expect(screen.getAllByText('Failed').length).toBeGreaterThan(0);
    expect(postsTo(ctx.fake)).toHaveLength(1);
  });

  const proxyNotFound = () =>
    HttpResponse.json(
      { error: { name: 'NotFoundError', message: 'Not found' }, response: { statusCode: 404 } },
      { status: 404 },
    );
  it.each([
    [401, undefined, /proxy's token/, 'unauthorized'],
    [403, undefined, /may not do a rerun from failed on gh\/acme\/rocket/, 'forbidden'],
    [405, undefined, /allowedMethods: \['GET', 'POST'\]/, 'bad-request'],
    [404, proxyNotFound, /allowedMethods: \['GET', 'POST'\]/, 'not-found'],
    [400, () => HttpResponse.json({ message: '<b>Workflow is too old to rerun</b>' }, { status: 400 }), /^<b>Workflow is too old to rerun<\/b>$/, 'bad-request'],
    [429, undefined, /try again in a few minutes/i, 'rate-limited'],
    [502, undefined, /try again in a few minutes/i, 'server'],
  ])('shows HTTP %s in place and keeps the page working', async (status, respond, text, kind) => {
    const { failingJob } = ctx.fake.demo;
    const path = `${API_BASE}/v2/workflow/${failingJob.workflowId}/rerun`;
    let posts = 0;
    ctx.server.use(
      http.post(path, () => {
        posts++;
        return respond ? respond() : HttpResponse.json({ message: 'nope' }, { status });
      }),
    );
    const { analytics } = await openWorkflow(failingJob.workflowId);
    await userEvent.click(screen.getByRole('button', { name: /^Rerun$/ }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Rerun from failed' }));
    const alert = await screen.findByTestId('action-error');
    expect(within(alert).getByText(text)).toBeInTheDocument();
    expect(posts).toBe(1);
    expect(screen.getAllByTestId('workflow-job').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: /^Rerun$/ })).toBeEnabled();
    expect(analytics.captureEvent).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'circleci-action-failed', attributes: expect.objectContaining({ error: kind }) }),
    );
  });
});
