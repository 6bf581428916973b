/*
 * The pipelines tab in backend mode (`circleci.backend.enabled`): the real
 * client against the fake backend plugin (src/__testUtils__/fakeBackend.ts),
 * counting the browser's requests at the backend and the upstream ones at
 * the fake CircleCI.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  backendMissingHandlers,
  createTestClient,
  renderWithEntity,
  setupFakeCircleCI,
} from '../../../__testUtils__/setup';
import { advance, settle } from '../../../__testUtils__/timers';
import { TabRoutes } from '../../tab/TabRoutes';

// Rendering 20 rows of MUI tables in jsdom takes a few seconds on 2 cores.
jest.setTimeout(60_000);

const ctx = setupFakeCircleCI({ backend: true });
const ROCKET = 'gh/acme/rocket';
const FIRST_PAGE = 'GET pipelines?project=gh%2Facme%2Frocket';
const WORKFLOWS = /^GET v2\/pipeline\/[^/]+\/workflow/;

async function allWorkflowsLoaded() {
  await waitFor(() => expect(screen.queryAllByText('Loading workflows…')).toHaveLength(0), { timeout: 10_000 });
}

function renderTab() {
  return renderWithEntity({ element: <TabRoutes />, slug: ROCKET, client: createTestClient({ backend: true }) });
}

describe('the pipelines tab in backend mode', () => {
  it('costs exactly 1 browser request for the first page with every workflow', async () => {
    await renderTab();
    expect(await screen.findByText(`#${ctx.fake.demo.pipelines.tag}`)).toBeInTheDocument();
    await allWorkflowsLoaded();
    await settle();
    for (const label of ['Success', 'Failed', 'Running', 'On hold']) {
      expect(screen.getAllByText(label).length).toBeGreaterThan(0);
    }
    expect(ctx.backend.requests).toEqual([FIRST_PAGE]);
    // Upstream, the backend read the list and each pipeline's workflows.
    expect(ctx.fake.requests.filter(r => WORKFLOWS.test(`${r.method} ${r.path}`))).toHaveLength(20);
    expect(ctx.fake.requests).toHaveLength(21);
  });

  it('loads the next page with 1 more request', async () => {
    await renderTab();
    const more = await screen.findByRole('button', { name: 'Load more pipelines' });
    await allWorkflowsLoaded();
    await userEvent.click(more);
    await waitFor(() => expect(screen.getAllByText(/^#\d+$/).length).toBeGreaterThan(20), { timeout: 10_000 });
    await allWorkflowsLoaded();
    await settle();
    expect(ctx.backend.requests).toHaveLength(2);
    expect(ctx.backend.requests[0]).toBe(FIRST_PAGE);
    expect(ctx.backend.requests[1]).toMatch(/^GET pipelines\?project=gh%2Facme%2Frocket&page-token=/);
  });

  it('says CircleCI is rate-limiting and since when the data is', async () => {
    const storedAt = new Date(2030, 0, 2, 9, 5);
    ctx.backend.setStale(storedAt);
    await renderTab();
    expect(await screen.findByTestId('circleci-stale-notice')).toHaveTextContent(
      'CircleCI is rate-limiting; showing data from 09:05',
    );
  });

  it('shows no stale notice for fresh data', async () => {
    await renderTab();
    await screen.findByText(`#${ctx.fake.demo.pipelines.tag}`);
    expect(screen.queryByTestId('circleci-stale-notice')).not.toBeInTheDocument();
  });

  it('says the backend plugin is not installed when Backstage has none', async () => {
    ctx.server.use(...backendMissingHandlers());
    await renderTab();
    expect(await screen.findByText(/CircleCI backend plugin not installed/)).toBeInTheDocument();
    expect(screen.getByText(/Install @circleci-backstage\/plugin-circleci-backend/)).toBeInTheDocument();
  });

  it('reads a workflow list alone only for a pipeline whose workflows the backend could not read', async () => {
    const client = createTestClient({ backend: true });
    const { items } = await client.listPipelines({ projectSlug: ROCKET });
    ctx.backend.clear();
    ctx.fake.failPath({ match: `GET v2/pipeline/${items[2].id}/workflow`, status: 500, times: 1 });
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET, client });
    await screen.findByText(`#${ctx.fake.demo.pipelines.tag}`);
    await allWorkflowsLoaded();
    await settle();
    expect(ctx.backend.requests).toEqual([FIRST_PAGE, `GET v2/pipeline/${items[2].id}/workflow`]);
  });
});

describe('the pipelines tab in backend mode, over time', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it("polls only the running pipelines' workflows, through the backend's mirror", async () => {
    const { unmount } = await renderTab();
    await advance(2000);
    await settle();
    expect(ctx.backend.requests).toEqual([FIRST_PAGE]);
    await advance(10_000);
    await settle();
    const polled = ctx.backend.requests.slice(1);
    expect(polled.length).toBeGreaterThan(0);
    expect(polled.length).toBeLessThan(20);
    polled.forEach(r => expect(r).toMatch(WORKFLOWS));
    expect(new Set(polled).size).toBe(polled.length);
    unmount();
  });
});
