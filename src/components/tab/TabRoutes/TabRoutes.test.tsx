import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeCircleCIHandlers } from '../../../../dev/fake-circleci';
import {
  API_BASE,
  createTestClient,
  renderWithEntity,
  setupFakeCircleCI,
} from '../../../__testUtils__/setup';
import { TabRoutes } from './TabRoutes';
import { WORKFLOW_CONCURRENCY } from '../../../query/workflowQueries';

// Rendering 20 rows of MUI tables in jsdom takes a few seconds on 2 cores.
jest.setTimeout(30_000);

const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';

function requestsMatching(pattern: RegExp) {
  return ctx.fake.requests.filter(r => pattern.test(`${r.method} ${r.path}`));
}

async function allWorkflowsLoaded() {
  await waitFor(() => expect(screen.queryAllByText('Loading workflows…')).toHaveLength(0), {
    timeout: 5000,
  });
}

describe('the pipelines tab', () => {
  it('shows the first page of pipelines with their workflows and statuses', async () => {
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });
    const { pipelines } = ctx.fake.demo;
    expect(await screen.findByText(`#${pipelines.tag}`)).toBeInTheDocument();
    await allWorkflowsLoaded();
    for (const label of ['Success', 'Failed', 'Running', 'On hold', 'Canceled']) {
      expect(screen.getAllByText(label).length).toBeGreaterThan(0);
    }
    expect(screen.getByRole('button', { name: 'Load more pipelines' })).toBeInTheDocument();
    // Running workflows: the tab says it is live, and when it last refreshed.
    expect(screen.getByTestId('live-indicator')).toHaveTextContent(/^Live · updated \d\d:\d\d:\d\d$/);
  });

  it('costs 1 pipelines request plus at most 1 workflows request per pipeline, never twice', async () => {
    let inFlight = 0;
    let peak = 0;
    const client = createTestClient({
      fetch: async (input, init) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        try {
          return await fetch(input, init);
        } finally {
          inFlight--;
        }
      },
    });
    ctx.fake.setLatency(20);
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET, client });
    await screen.findAllByText(/^#\d+$/);
    await allWorkflowsLoaded();
    const paths = ctx.fake.requests.map(r => r.path);
    expect(requestsMatching(/^GET v2\/project\/gh\/acme\/rocket\/pipeline$/)).toHaveLength(1);
    expect(requestsMatching(/^GET v2\/pipeline\/[^/]+\/workflow$/)).toHaveLength(20);
    expect(paths).toHaveLength(21);
    expect(new Set(paths).size).toBe(paths.length);
    expect(peak).toBeLessThanOrEqual(WORKFLOW_CONCURRENCY);
    expect(peak).toBeGreaterThan(1);
  });

  it('loads the next page on demand', async () => {
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });
    const more = await screen.findByRole('button', { name: 'Load more pipelines' });
    await allWorkflowsLoaded();
    await userEvent.click(more);
    await waitFor(() => expect(screen.getAllByText(/^#\d+$/).length).toBeGreaterThan(20), {
      timeout: 10_000,
    });
    expect(requestsMatching(/pipeline\?page-token=/)).toHaveLength(1);
  });

  it('renders a hostile branch name and ANSI commit soup as inert text', async () => {
    const { container } = await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });
    expect(await screen.findByText(ctx.fake.demo.hostileBranch)).toBeInTheDocument();
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(container.innerHTML).not.toContain('\u001b');
    expect(container.querySelector('a[href^="javascript:"]')).toBeNull();
  });

  it('shows the project switcher for a monorepo and keeps the choice', async () => {
    await renderWithEntity({ element: <TabRoutes />, slug: 'gh/acme/mono-api,gh/acme/mono-web' });
    const tab = await screen.findByRole('tab', { name: 'gh/acme/mono-web' });
    await screen.findByText(/Pipelines of gh\/acme\/mono-api/);
    await userEvent.click(tab);
    expect(await screen.findByText(/Pipelines of gh\/acme\/mono-web/)).toBeInTheDocument();
    expect(requestsMatching(/mono-web\/pipeline/)).toHaveLength(1);
  });
});

describe('the pipelines tab when something is wrong', () => {
  it('asks for the annotation when it is missing', async () => {
    await renderWithEntity({ element: <TabRoutes />, slug: undefined });
    expect(await screen.findByText(/Missing Annotation/i)).toBeInTheDocument();
    expect(screen.getAllByText(/circleci.com\/project-slug/).length).toBeGreaterThan(0);
  });

  it('says what is wrong with a malformed slug and what it must look like, without any request', async () => {
    await renderWithEntity({ element: <TabRoutes />, slug: 'acme/rocket' });
    expect(
      await screen.findByText('The project slug "acme/rocket" does not have three parts separated by "/".'),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Write it as "provider\/org\/repo"/)).toBeInTheDocument();
    expect(ctx.fake.requests).toHaveLength(0);
  });

  it('says the proxy token is missing on 401', async () => {
    ctx.server.use(
      ...createFakeCircleCIHandlers({ fake: ctx.fake, baseUrl: API_BASE, injectToken: false }),
    );
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });
    expect(await screen.findByText(/CIRCLECI_AUTH_TOKEN/)).toBeInTheDocument();
  });

  it('says the project was not found on 404', async () => {
    await renderWithEntity({ element: <TabRoutes />, slug: 'gh/acme/missing' });
    expect(await screen.findByText(/could not find project gh\/acme\/missing/)).toBeInTheDocument();
  });

  it('detects a proxy that targets the legacy v1.1 API', async () => {
    ctx.fake.failPath({ match: /^GET v2\//, status: 404 });
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });
    expect(await screen.findByText(/points at the legacy API v1.1/)).toBeInTheDocument();
    expect(screen.getByText(/https:\/\/circleci.com\/api \(without \/v1.1\)/)).toBeInTheDocument();
  });

  it('says so when the project has no pipelines', async () => {
    await renderWithEntity({ element: <TabRoutes />, slug: 'gh/acme/empty' });
    expect(await screen.findByText('No pipelines yet')).toBeInTheDocument();
  });

  it('shows other errors in a ResponseErrorPanel', async () => {
    ctx.fake.failPath({ match: 'pipeline', status: 418 });
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });
    expect(await screen.findByText(/Request failed \(HTTP 418\)/)).toBeInTheDocument();
  });

  it('keeps the rows when one pipeline\u2019s workflows fail', async () => {
    ctx.fake.failPath({ match: /\/workflow$/, status: 500, times: 1 });
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });
    const cell = await screen.findByText(/Workflows unavailable/);
    expect(within(cell).getByText(/CircleCI is unavailable/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByText(/^#\d+$/)).toHaveLength(20));
  });
});
