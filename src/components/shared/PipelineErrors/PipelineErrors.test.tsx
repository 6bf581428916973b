/*
 * An errored pipeline says why, on its row and on the views of its
 * workflows and jobs, with bodies shaped like real CircleCI answers.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { API_BASE, renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { TabRoutes } from '../../tab/TabRoutes';

jest.setTimeout(20_000);
const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';
const PIPELINE_ID = '4c3f6a1e-8b2d-4e7f-9a10-2b3c4d5e6f70';
const CONFIG_FETCH = { type: 'config-fetch', message: 'Failed to fetch config.yml file.' };

/** A pipeline as CircleCI lists it when it could not read the config. */
const erroredPipeline = {
  id: PIPELINE_ID,
  errors: [CONFIG_FETCH],
  project_slug: ROCKET,
  updated_at: '2021-03-02T09:14:05.302Z',
  number: 1300,
  state: 'errored',
  created_at: '2021-03-02T09:14:05.302Z',
  trigger: {
    received_at: '2021-03-02T09:14:05.173Z',
    type: 'webhook',
    actor: { login: 'ada-lovelace', avatar_url: 'https://avatars.example/u/1?v=4' },
  },
  vcs: {
    origin_repository_url: 'https://github.com/acme/rocket',
    target_repository_url: 'https://github.com/acme/rocket',
    revision: 'db4e4736effbf25d0b48f9027dd81660fc114cb4',
    provider_name: 'GitHub',
    commit: { body: '', subject: 'Remove the CircleCI config' },
    branch: 'main',
  },
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

describe('an errored pipeline', () => {
  it('says on its row why it failed, linked to the pipeline on CircleCI', async () => {
    answer('v2/project/gh/acme/rocket/pipeline', { next_page_token: null, items: [erroredPipeline] });
    answer(`v2/pipeline/${PIPELINE_ID}/workflow`, { next_page_token: null, items: [] });
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });

    const errors = await screen.findByTestId('pipeline-errors');
    const [line] = within(errors).getAllByRole('listitem');
    expect(line).toHaveTextContent('Config error: Failed to fetch config.yml file.');
    expect(line).toHaveAttribute('title', 'config-fetch');
    expect(within(errors).getByRole('link', { name: /^Open pipeline #1300 on CircleCI/ })).toHaveAttribute(
      'href',
      'https://app.circleci.com/pipelines/gh/acme/rocket/1300',
    );
    // Once its (empty) workflows are in, the row says why, not "No workflows".
    await waitFor(() => expect(screen.queryByText('Loading workflows…')).toBeNull());
    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(screen.queryByText('No workflows')).toBeNull();
    expect(screen.getByTestId('pipeline-errors')).toBeInTheDocument();
  });

  it('shows each error of a pipeline that also has workflows, above them', async () => {
    const errors = [CONFIG_FETCH, { type: 'plan', message: 'Not enough credits.' }];
    const items = (await fakeAnswer('v2/project/gh/acme/rocket/pipeline')).items as Array<Record<string, unknown>>;
    answer('v2/project/gh/acme/rocket/pipeline', {
      next_page_token: null,
      items: [{ ...items[0], state: 'created', errors }],
    });
    await renderWithEntity({ element: <TabRoutes />, slug: ROCKET });
    const cell = await screen.findByTestId('pipeline-errors');
    expect(within(cell).getAllByRole('listitem').map(l => l.textContent)).toEqual([
      'Config error: Failed to fetch config.yml file.',
      'Plan error: Not enough credits.',
    ]);
    // The workflows still follow.
    await waitFor(() => expect(screen.queryByText('Loading workflows…')).toBeNull());
    expect(screen.queryByText('No workflows')).toBeNull();
  });

  it('is explained on the workflow view, whose pipeline crumb leads to CircleCI', async () => {
    const { failingJob } = ctx.fake.demo;
    const workflow = await fakeAnswer(`v2/workflow/${failingJob.workflowId}`);
    const pipelineId = workflow.pipeline_id as string;
    const pipeline = await fakeAnswer(`v2/pipeline/${pipelineId}`);
    answer(`v2/pipeline/${pipelineId}`, { ...pipeline, errors: [{ type: 'config', message: 'Unable to parse YAML' }] });
    await renderWithEntity({
      element: <TabRoutes />,
      slug: ROCKET,
      routeEntries: [`/workflows/${failingJob.workflowId}`],
    });
    const banner = await screen.findByTestId('pipeline-errors');
    expect(within(banner).getByRole('listitem')).toHaveTextContent('Config error: Unable to parse YAML');
    const url = `https://app.circleci.com/pipelines/gh/acme/rocket/${workflow.pipeline_number}`;
    expect(within(banner).getByRole('link')).toHaveAttribute('href', url);
    expect(screen.getByRole('link', { name: new RegExp(`^Pipeline #${workflow.pipeline_number}\\b`) })).toHaveAttribute('href', url);
  });

  it('is explained on the job view', async () => {
    const { failingJob } = ctx.fake.demo;
    const job = await fakeAnswer(`v2/project/gh/acme/rocket/job/${failingJob.jobNumber}`);
    const pipelineId = (job.pipeline as { id: string }).id;
    const pipeline = await fakeAnswer(`v2/pipeline/${pipelineId}`);
    answer(`v2/pipeline/${pipelineId}`, { ...pipeline, errors: [{ type: 'timeout', message: 'Config processing timed out.' }] });
    await renderWithEntity({
      element: <TabRoutes />,
      slug: ROCKET,
      routeEntries: [`/jobs/${failingJob.jobNumber}`],
    });
    const banner = await screen.findByTestId('pipeline-errors');
    expect(within(banner).getByRole('listitem')).toHaveTextContent('Timeout: Config processing timed out.');
    expect(within(banner).getByRole('link', { name: new RegExp(`^Open pipeline #${pipeline.number} on CircleCI`) })).toHaveAttribute(
      'href',
      `https://app.circleci.com/pipelines/gh/acme/rocket/${pipeline.number}`,
    );
    // Breadcrumbs stay at three, so the workflow crumb is not folded away.
    expect(screen.getByRole('link', { name: /^Workflow / })).toBeInTheDocument();
  });
});
