/*
 * The action controls in backend mode: each asks the permission framework
 * about the page's entity before it can be used, and each POST names that
 * entity. The real client against the fake backend plugin over the fake
 * CircleCI; the permission API is Backstage's mock with a policy by entity
 * (every entity named `bucket…` is denied). Each test uses its own entity,
 * so the permission hook's cache of answers never carries over.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis } from '@backstage/test-utils';
import { AuthorizeResult, type EvaluatePermissionRequest } from '@backstage/plugin-permission-common';
import type { PermissionApi } from '@backstage/plugin-permission-react';
import { postsTo, renderWithActions } from '../../../__testUtils__/actions';
import { setupFakeCircleCI } from '../../../__testUtils__/setup';
import { TabRoutes } from '../../tab/TabRoutes';

jest.setTimeout(60_000);
const ctx = setupFakeCircleCI({ backend: true });
const SLUG = 'gh/acme/rocket';
const OPERATE_DENIED =
  'You may not rerun or cancel work on this entity: your Backstage permission policy does not allow it.';

/** The questions the policy was asked, as `<permission> <entity ref>`. */
let asked: string[] = [];
beforeEach(() => {
  asked = [];
});
const policy = mockApis.permission({
  authorize: (request: EvaluatePermissionRequest) => {
    const ref = 'resourceRef' in request ? request.resourceRef : undefined;
    asked.push(`${request.permission.name} ${ref}`);
    return /^component:default\/bucket/.test(ref ?? '') ? AuthorizeResult.DENY : AuthorizeResult.ALLOW;
  },
});

function runningWorkflow(): string {
  const id = ctx.fake.findWorkflow({ projectSlug: SLUG, pipelineNumber: 1265 });
  if (!id) throw new Error('no running workflow');
  return id;
}

async function open(options: { route: string; entityName: string; permission?: PermissionApi; actions?: object }) {
  return renderWithActions({
    element: <TabRoutes />,
    slug: SLUG,
    backend: true,
    actions: options.actions ?? { enabled: true },
    permission: options.permission ?? policy,
    entityName: options.entityName,
    routeEntries: [options.route],
  });
}

/**
 * Why a denied control is disabled: once the answer is in, it is disabled
 * and its tooltip, shown on hover (its wrapper gets the pointer), says why.
 */
async function reasonOf(control: HTMLElement): Promise<string> {
  const wrapper = control.parentElement!;
  await waitFor(() => expect(wrapper.getAttribute('title')).toMatch(/permission policy/));
  expect(control).toBeDisabled();
  await userEvent.hover(wrapper);
  const text = (await screen.findByRole('tooltip')).textContent ?? '';
  await userEvent.unhover(wrapper);
  await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
  return text;
}

describe('action controls in backend mode', () => {
  it('allowed: enabled, and the rerun POST names the entity (encoded once); CircleCI never sees it', async () => {
    const { failingJob } = ctx.fake.demo;
    await open({ route: `/workflows/${failingJob.workflowId}`, entityName: 'rocket' });
    const rerun = await screen.findByRole('button', { name: /^Rerun$/ });
    await waitFor(() => expect(rerun).toBeEnabled());
    expect(asked).toContain('circleci.workflow.operate component:default/rocket');
    await userEvent.click(rerun);
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Rerun from failed' }));
    await waitFor(() =>
      expect(ctx.backend.posts).toEqual([
        { path: `v2/workflow/${failingJob.workflowId}/rerun`, entity: 'component:default/rocket' },
      ]),
    );
    expect(ctx.backend.requests).toContain(
      `POST v2/workflow/${failingJob.workflowId}/rerun?entity=component%3Adefault%2Frocket`,
    );
    expect(postsTo(ctx.fake)).toEqual([`v2/workflow/${failingJob.workflowId}/rerun`]);
  });

  it('allowed: approve and trigger ask their own permissions and name the entity', async () => {
    const { approval } = ctx.fake.demo;
    const view = await open({ route: `/workflows/${approval.workflowId}`, entityName: 'rocket-approve' });
    const approve = await screen.findByRole('button', { name: `Approve ${approval.jobName}` });
    await waitFor(() => expect(approve).toBeEnabled());
    await userEvent.click(approve);
    await waitFor(() => expect(ctx.backend.posts).toHaveLength(1));
    view.unmount();
    await open({ route: '/', entityName: 'rocket-approve' });
    const trigger = await screen.findByRole('button', { name: 'Trigger pipeline' });
    await waitFor(() => expect(trigger).toBeEnabled());
    await userEvent.click(trigger);
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Trigger' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(ctx.backend.posts).toEqual([
      {
        path: `v2/workflow/${approval.workflowId}/approve/${approval.approvalRequestId}`,
        entity: 'component:default/rocket-approve',
      },
      { path: `v2/project/${SLUG}/pipeline`, entity: 'component:default/rocket-approve' },
    ]);
    expect(asked).toEqual(
      expect.arrayContaining([
        'circleci.job.approve component:default/rocket-approve',
        'circleci.pipeline.trigger component:default/rocket-approve',
      ]),
    );
    expect(postsTo(ctx.fake)).toHaveLength(2);
  });

  it('denied: every control is disabled and says why; nothing is sent', async () => {
    const id = runningWorkflow();
    let view = await open({ route: `/workflows/${id}`, entityName: 'bucket' });
    await screen.findAllByTestId('workflow-job');
    const rerun = screen.getByRole('button', { name: /^Rerun$/ });
    const cancel = screen.getByRole('button', { name: /^Cancel$/ });
    expect(await reasonOf(rerun)).toBe(OPERATE_DENIED);
    expect(await reasonOf(cancel)).toBe(OPERATE_DENIED);
    expect(asked).toContain('circleci.workflow.operate component:default/bucket');
    view.unmount();

    const { approval, failingJob } = ctx.fake.demo;
    view = await open({ route: `/workflows/${approval.workflowId}`, entityName: 'bucket' });
    const approve = await screen.findByRole('button', { name: `Approve ${approval.jobName}` });
    expect(await reasonOf(approve)).toBe(
      'You may not approve jobs on this entity: your Backstage permission policy does not allow it.',
    );
    view.unmount();

    view = await open({ route: `/jobs/${failingJob.jobNumber}`, entityName: 'bucket' });
    const rerunJob = await screen.findByRole('button', { name: 'Rerun this job' });
    expect(await reasonOf(rerunJob)).toBe(OPERATE_DENIED);
    view.unmount();

    await open({ route: '/', entityName: 'bucket' });
    const trigger = await screen.findByRole('button', { name: 'Trigger pipeline' });
    expect(await reasonOf(trigger)).toBe(
      'You may not trigger pipelines on this entity: your Backstage permission policy does not allow it.',
    );
    const name = ctx.fake.state.findWorkflow(failingJob.workflowId)!.workflow.name;
    const compact = (await screen.findAllByRole('button', { name: `Rerun workflow ${name}` }))[0];
    expect(await reasonOf(compact)).toBe(OPERATE_DENIED);
    await userEvent.click(compact.parentElement!);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(ctx.backend.posts).toEqual([]);
    expect(postsTo(ctx.fake)).toEqual([]);
  });

  it('while the answer loads: disabled, and no reason flashes', async () => {
    const waiting: Array<(result: { result: AuthorizeResult.ALLOW }) => void> = [];
    const slow: PermissionApi = {
      authorize: () => new Promise(resolve => waiting.push(resolve)),
    };
    const { failingJob } = ctx.fake.demo;
    await open({ route: `/workflows/${failingJob.workflowId}`, entityName: 'rocket-slow', permission: slow });
    const rerun = await screen.findByRole('button', { name: /^Rerun$/ });
    await waitFor(() => expect(waiting.length).toBeGreaterThan(0));
    expect(rerun).toBeDisabled();
    expect(rerun.parentElement).not.toHaveAttribute('title');
    expect(screen.queryByText(/permission policy/)).toBeNull();
    await userEvent.hover(rerun.parentElement!);
    expect(screen.queryByRole('tooltip')).toBeNull();
    waiting.forEach(resolve => resolve({ result: AuthorizeResult.ALLOW }));
    await waitFor(() => expect(rerun).toBeEnabled());
    expect(ctx.backend.posts).toEqual([]);
  });

  it('actions off: no control, and the permission framework is not asked', async () => {
    const { failingJob } = ctx.fake.demo;
    const view = await open({ route: `/workflows/${failingJob.workflowId}`, entityName: 'rocket-off', actions: {} });
    await screen.findAllByTestId('workflow-job');
    await view.findByText('Open on CircleCI');
    const names = view.queryAllByRole('button').map(b => b.getAttribute('aria-label') ?? b.textContent);
    expect(names.filter(n => /rerun|cancel|approve|trigger/i.test(n ?? ''))).toEqual([]);
    expect(asked).toEqual([]);
  });

  it.each([
    [403, 'permission-denied', 'Not allowed by your Backstage permissions', /^You may not do a rerun from failed on this entity: your Backstage permission policy does not allow it\.$/],
    [403, 'entity-mismatch', 'This entity is not about gh/acme/rocket', /does not name gh\/acme\/rocket, so the rerun from failed cannot be done through it/],
    [403, 'actions-off', 'Actions are turned off', /circleci\.actions\.enabled is off there/],
    [404, 'not-visible', 'Project not visible to you', /No catalog entity you can read names gh\/acme\/rocket/],
    [404, 'entity-not-found', 'Entity not found', /cannot read this entity in the catalog/],
    [400, 'entity-missing', 'The request named no catalog entity', /did not name it/],
  ])('a %s %s refusal is told in words, and nothing reaches CircleCI', async (status, reason, title, message) => {
    ctx.backend.refuseActions({ status, reason, message: `The backend says ${reason}.` });
    const { failingJob } = ctx.fake.demo;
    await open({ route: `/workflows/${failingJob.workflowId}`, entityName: `rocket-${reason}` });
    const rerun = await screen.findByRole('button', { name: /^Rerun$/ });
    await waitFor(() => expect(rerun).toBeEnabled());
    await userEvent.click(rerun);
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Rerun from failed' }));
    const alert = await screen.findByTestId('action-error');
    expect(within(alert).getByText(title)).toBeInTheDocument();
    expect(within(alert).getByText(message)).toBeInTheDocument();
    expect(ctx.backend.posts).toHaveLength(1);
    expect(postsTo(ctx.fake)).toEqual([]);
  });
});
