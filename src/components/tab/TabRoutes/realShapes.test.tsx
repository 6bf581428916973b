/*
 * What real CircleCI sends, shown well: a job status of null is a neutral
 * status, and an empty or unreadable date is "—", never "Invalid DateTime"
 * or NaN. Bodies are shaped like real answers, served with msw over the
 * fake.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { API_BASE, renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { TabRoutes } from './TabRoutes';

jest.setTimeout(20_000);
const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';
const PIPELINE_ID = '98b1071e-c364-4b39-91b9-820b8588e2ae';
const WORKFLOW_ID = '9552b8fe-f5b7-4f7b-92a3-8bedc0ee35ca';
const UNREADABLE = /Invalid|NaN|undefined/;

const pipeline = {
  id: PIPELINE_ID,
  errors: [],
  project_slug: ROCKET,
  updated_at: '2020-12-24T12:59:23Z',
  number: 154,
  state: 'created',
  created_at: '2020-12-24T12:59:23Z',
  trigger: { received_at: '2020-12-24T12:59:22Z', type: 'webhook', actor: { login: 'ada-lovelace', avatar_url: null } },
  vcs: {
    origin_repository_url: 'https://github.com/acme/rocket',
    target_repository_url: 'https://github.com/acme/rocket',
    revision: 'db4e4736effbf25d0b48f9027dd81660fc114cb4',
    provider_name: 'GitHub',
    commit: { body: '', subject: 'Bump lodash' },
    branch: 'renovate/lodash',
  },
};

const workflow = {
  pipeline_id: PIPELINE_ID,
  id: WORKFLOW_ID,
  name: 'build-and-test',
  project_slug: ROCKET,
  status: 'success',
  started_by: 'fb72a952-6ec3-49ae-97df-b3f7e12f6093',
  pipeline_number: 154,
  created_at: '2020-12-24T12:59:23Z',
  stopped_at: '',
};

const job = {
  dependencies: [],
  job_number: 155,
  id: '8aa5022e-ad9c-49c4-a45d-9ce04def8b00',
  started_at: '',
  name: 'build',
  project_slug: ROCKET,
  status: null,
  type: 'build',
  stopped_at: '',
};

function answer(path: string, body: unknown): void {
  ctx.server.use(http.get(`${API_BASE}/${path}`, () => HttpResponse.json(body as object)));
}

/** The fake's own answer to a GET, to change a field of it. */
async function fakeAnswer(path: string): Promise<Record<string, unknown>> {
  const response = await ctx.fake.handle(
    new Request(`http://fake/api/${path}`, { headers: { 'Circle-Token': ctx.fake.token } }),
  );
  return response.json();
}

describe('real answers on the workflow view', () => {
  it('shows a job with status null as Unknown, and an empty stopped_at as "—"', async () => {
    answer(`v2/workflow/${WORKFLOW_ID}`, workflow);
    answer(`v2/workflow/${WORKFLOW_ID}/job`, { next_page_token: null, items: [job] });
    answer(`v2/pipeline/${PIPELINE_ID}`, pipeline);
    const { container } = await renderWithEntity({
      element: <TabRoutes />,
      slug: ROCKET,
      routeEntries: [`/workflows/${WORKFLOW_ID}`],
    });
    const [card] = await screen.findAllByTestId('workflow-job');
    expect(within(card).getByText('Unknown')).toBeInTheDocument();
    expect(card).toHaveTextContent(/^build\s*Unknown\s*#155$/);
    // Finished, but CircleCI did not say when: no duration, not one that keeps growing.
    expect(screen.getByText('—')).toBeInTheDocument();
    expect(screen.queryByText(/so far/)).toBeNull();
    await screen.findByText(/by ada-lovelace/);
    expect(container.textContent).not.toMatch(UNREADABLE);
  });

  it('shows an unreadable creation time as "—"', async () => {
    answer(`v2/workflow/${WORKFLOW_ID}`, { ...workflow, created_at: 'not a date', stopped_at: 'nor this' });
    answer(`v2/workflow/${WORKFLOW_ID}/job`, { next_page_token: null, items: [] });
    answer(`v2/pipeline/${PIPELINE_ID}`, pipeline);
    const { container } = await renderWithEntity({
      element: <TabRoutes />,
      slug: ROCKET,
      routeEntries: [`/workflows/${WORKFLOW_ID}`],
    });
    expect(await screen.findByText(/^Started —/)).toBeInTheDocument();
    expect(container.textContent).not.toMatch(UNREADABLE);
  });
});

describe('real answers on the job view', () => {
  it('shows a job with status null as Unknown, and its empty dates as "—"', async () => {
    const { failingJob } = ctx.fake.demo;
    const path = `v2/project/gh/acme/rocket/job/${failingJob.jobNumber}`;
    const details = await fakeAnswer(path);
    answer(path, { ...details, status: null, started_at: '', stopped_at: '', duration: null });
    const { container } = await renderWithEntity({
      element: <TabRoutes />,
      slug: ROCKET,
      routeEntries: [`/jobs/${failingJob.jobNumber}`],
    });
    const header = await screen.findByTestId('job-header');
    expect(within(header).getByText('Unknown')).toBeInTheDocument();
    expect(header).toHaveTextContent('Duration—');
    await waitFor(() => expect(header).toHaveTextContent('Branchfeature/login'));
    expect(container.textContent).not.toMatch(UNREADABLE);
  });
});

describe('real answers in the pipelines table', () => {
  it('shows empty and unreadable times as "—"', async () => {
    answer('v2/project/gh/acme/rocket/pipeline', {
      next_page_token: null,
      items: [{ ...pipeline, created_at: 'garbage' }],
    });
    answer(`v2/pipeline/${PIPELINE_ID}/workflow`, { next_page_token: null, items: [workflow] });
    const { container } = await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });
    await screen.findByRole('link', { name: 'build-and-test' });
    const row = screen.getByText('#154').closest('tr')!;
    const cells = within(row).getAllByRole('cell');
    const started = cells[5];
    const duration = cells[6];
    expect(started).toHaveTextContent(/^—$/);
    expect(duration).toHaveTextContent(/^—$/);
    expect(container.textContent).not.toMatch(UNREADABLE);
  });
});
