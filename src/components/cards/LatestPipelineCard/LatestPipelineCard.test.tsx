import { screen, waitFor, within } from '@testing-library/react';
import { renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { advance, settle } from '../../../__testUtils__/timers';
import { EntityLatestCircleCIPipelineCard } from '../../../plugin';
import { circleCIRouteRef } from '../../../routes';

jest.setTimeout(60_000);
const ctx = setupFakeCircleCI();

/** Requests before this index were made by the test itself. */
let mark = 0;
beforeEach(() => {
  mark = 0;
});

/** The requests the card has made, as `METHOD path`. */
function seen(): string[] {
  return ctx.fake.requests.slice(mark).map(r => `${r.method} ${r.path}`);
}
const count = (pattern: RegExp) => seen().filter(r => pattern.test(r)).length;
const PROJECT = /^GET v2\/project\/[^/]+\/[^/]+\/[^/?]+$/;
const PIPELINES = /^GET v2\/project\/.*\/pipeline(\?|$)/;
const WORKFLOWS = /^GET v2\/pipeline\/[^/]+\/workflow/;

async function newestOn(slug: string, branch: string) {
  const answer = await ctx.fake.handle(
    new Request(`http://x/api/v2/project/${slug}/pipeline?branch=${branch}`, {
      headers: { 'Circle-Token': ctx.fake.token },
    }),
  );
  mark = ctx.fake.requests.length;
  return ((await answer.json()) as { items: Array<{ id: string; number: number }> }).items[0];
}

describe('EntityLatestCircleCIPipelineCard (legacy)', () => {
  it('shows the newest pipeline of the default branch for 1 project + 1 pipeline list + 1 workflow list', async () => {
    const { rocket } = ctx.fake.demo.slugs;
    const newest = await newestOn(rocket, 'main');
    await renderWithEntity({ element: <EntityLatestCircleCIPipelineCard />, slug: rocket });
    expect(screen.getByText('Latest pipeline')).toBeInTheDocument();
    const line = await screen.findByTestId('circleci-pipeline-line');
    expect(within(line).getByText(`#${newest.number}`)).toBeInTheDocument();
    const workflow = await screen.findByTestId('circleci-card-workflow');
    expect(workflow).toHaveTextContent('build-and-test');
    expect(within(line).getByText('Running')).toBeInTheDocument();
    expect(screen.getByTestId('circleci-card-duration')).toHaveTextContent(/^Duration: .+/);
    expect(screen.getByRole('link', { name: /^View on CircleCI/ })).toHaveAttribute(
      'href',
      `https://app.circleci.com/pipelines/gh/acme/rocket/${newest.number}`,
    );
    await settle();
    expect(seen()).toEqual([
      `GET v2/project/${rocket}`,
      `GET v2/project/${rocket}/pipeline?branch=main`,
      `GET v2/pipeline/${newest.id}/workflow`,
    ]);
  });

  it('reads the default branch from the project (master for bb/acme/bucket)', async () => {
    const { bucket } = ctx.fake.demo.slugs;
    const newest = await newestOn(bucket, 'master');
    await renderWithEntity({ element: <EntityLatestCircleCIPipelineCard />, slug: bucket });
    expect(await screen.findByText(`#${newest.number}`)).toBeInTheDocument();
    expect(seen()).toContain(`GET v2/project/${bucket}/pipeline?branch=master`);
  });

  it('takes a branch prop, and then needs no project request', async () => {
    const { rocket } = ctx.fake.demo.slugs;
    const newest = await newestOn(rocket, 'feature%2Flogin');
    await renderWithEntity({
      element: <EntityLatestCircleCIPipelineCard branch="feature/login" />,
      slug: rocket,
    });
    expect(screen.getByText('Latest pipeline on feature/login')).toBeInTheDocument();
    expect(await screen.findByText(`#${newest.number}`)).toBeInTheDocument();
    await screen.findByTestId('circleci-card-workflow');
    await settle();
    expect(count(PROJECT)).toBe(0);
    expect(count(PIPELINES)).toBe(1);
    expect(count(WORKFLOWS)).toBe(1);
  });

  it('links to the tab and its workflow view when the tab is mounted', async () => {
    await renderWithEntity({
      element: <EntityLatestCircleCIPipelineCard />,
      slug: ctx.fake.demo.slugs.rocket,
      mountedRoutes: { '/ci-cd': circleCIRouteRef },
    });
    expect(screen.getByRole('link', { name: /All pipelines/ })).toHaveAttribute('href', '/ci-cd');
    const workflow = await screen.findByTestId('circleci-card-workflow');
    expect(within(workflow).getByRole('link', { name: 'build-and-test' }).getAttribute('href')).toMatch(
      /^\/ci-cd\/workflows\/[0-9a-f-]{36}$/,
    );
  });

  it('shows one line per project for a monorepo entity', async () => {
    const { monoApi, monoWeb } = ctx.fake.demo.slugs;
    await renderWithEntity({
      element: <EntityLatestCircleCIPipelineCard />,
      slug: `${monoApi}, ${monoWeb}`,
    });
    await waitFor(() => expect(screen.getAllByTestId('circleci-card-workflow')).toHaveLength(2));
    const sections = screen.getAllByTestId('circleci-card-project');
    expect(sections.map(s => within(s).getAllByTestId('circleci-pipeline-line').length)).toEqual([1, 1]);
    expect(within(sections[0]).getByText(monoApi)).toBeInTheDocument();
    expect(within(sections[1]).getByText(monoWeb)).toBeInTheDocument();
    await settle();
    expect([count(PROJECT), count(PIPELINES), count(WORKFLOWS)]).toEqual([2, 2, 2]);
  });

  it('explains an empty branch, a missing annotation and an unknown project', async () => {
    const first = await renderWithEntity({
      element: <EntityLatestCircleCIPipelineCard />,
      slug: ctx.fake.demo.slugs.empty,
    });
    expect(await screen.findByText('No pipelines on main yet.')).toBeInTheDocument();
    first.unmount();
    const second = await renderWithEntity({ element: <EntityLatestCircleCIPipelineCard />, slug: undefined });
    expect(screen.getByText('This entity has no CircleCI project annotation.')).toBeInTheDocument();
    second.unmount();
    await renderWithEntity({ element: <EntityLatestCircleCIPipelineCard />, slug: 'gh/acme/nope' });
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.queryByTestId('circleci-pipeline-line')).not.toBeInTheDocument();
  });
});

describe('EntityLatestCircleCIPipelineCard polling, with fake timers', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('re-reads the workflows of a running pipeline, and nothing else', async () => {
    await renderWithEntity({ element: <EntityLatestCircleCIPipelineCard />, slug: ctx.fake.demo.slugs.rocket });
    for (let i = 0; i < 5 && !screen.queryByTestId('circleci-card-workflow'); i++) {
      await settle();
      await advance(1000);
    }
    expect(count(WORKFLOWS)).toBe(1);
    await advance(35_000);
    await settle();
    expect(count(WORKFLOWS)).toBeGreaterThanOrEqual(3);
    expect(count(PROJECT)).toBe(1);
    expect(count(PIPELINES)).toBe(1);
  });

  it('sends nothing more once its pipeline has finished', async () => {
    await renderWithEntity({
      element: <EntityLatestCircleCIPipelineCard />,
      slug: ctx.fake.demo.slugs.standalone,
    });
    for (let i = 0; i < 5 && !screen.queryByTestId('circleci-card-workflow'); i++) {
      await settle();
      await advance(1000);
    }
    expect(screen.getAllByTestId('circleci-card-workflow')).toHaveLength(1);
    expect(screen.getByTestId('circleci-pipeline-line')).toHaveTextContent('Success');
    const settled = seen();
    expect(settled).toHaveLength(3);
    await advance(5 * 60_000);
    await settle();
    expect(seen()).toEqual(settled);
  });
});
