import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { JobPage } from './JobPage';
import { API_BASE, renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { sizeLogViewer } from '../../../__testUtils__/layout';
import { demoJobNumber, rocketSlug } from '../../../__testUtils__/jobs';

// Rendering Backstage tables and logs in jsdom is slow on a busy machine.
jest.setTimeout(15_000);

const ctx = setupFakeCircleCI();
sizeLogViewer();

function renderJob(options: { jobNumber: number; route?: string }) {
  const slug = rocketSlug(ctx.fake);
  return renderWithEntity({
    element: <JobPage projectSlug={slug} jobNumber={options.jobNumber} slugs={[slug]} />,
    slug: slug.slug,
    routeEntries: [options.route ?? '/'],
  });
}

const logRequests = () =>
  ctx.fake.requests.filter(r => r.path.startsWith('private/output')).map(r => r.path);

describe('JobPage', () => {
  it('shows the job details', async () => {
    const { failingJob } = ctx.fake.demo;
    await renderJob({ jobNumber: failingJob.jobNumber });
    const header = await screen.findByTestId('job-header');
    expect(within(header).getByText('Failed')).toBeInTheDocument();
    expect(within(header).getByText('docker')).toBeInTheDocument();
    expect(within(header).getByText('medium')).toBeInTheDocument();
    expect(header).toHaveTextContent(/Duration\d+m \d+s/);
    expect(header).toHaveTextContent('Parallelism1');
    expect(await within(header).findByText('feature/login')).toBeInTheDocument();
    const link = within(header).getByRole('link', { name: /Open on CircleCI/ });
    expect(link.getAttribute('href')).toMatch(/^https:\/\/app\.circleci\.com\//);
    expect(screen.getByRole('link', { name: /Workflow build-and-test/ })).toHaveAttribute(
      'href',
      `/workflows/${failingJob.workflowId}`,
    );
    expect(screen.getAllByText(`Job test #${failingJob.jobNumber}`)).toHaveLength(2);
  });

  it('expands the first failed step and shows its failing line', async () => {
    const { failingJob } = ctx.fake.demo;
    await renderJob({ jobNumber: failingJob.jobNumber });
    const viewer = await screen.findByTestId('step-log-viewer', {}, { timeout: 5000 });
    await waitFor(() => expect(viewer).toHaveTextContent(failingJob.failingLines[1]));
    expect(viewer).toHaveTextContent(failingJob.failingLines[0]);
    // Only the failed step's log was loaded; the others load when opened.
    expect(logRequests()).toEqual([
      expect.stringMatching(new RegExp(`/${failingJob.jobNumber}/output/0/${failingJob.step}$`)),
    ]);
  });

  it('offers every container of a 16-container job and switches between them', async () => {
    const { parallelJob } = ctx.fake.demo;
    await renderJob({ jobNumber: parallelJob.jobNumber });
    const group = await screen.findByRole('group', { name: 'Containers' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons).toHaveLength(16);
    const failing = within(group).getByRole('button', {
      name: `Container ${parallelJob.failingContainer}: failed`,
    });
    expect(failing).toHaveAttribute('aria-pressed', 'true');
    // The failing container's failed step is open.
    await screen.findByTestId('step-log-viewer');
    await waitFor(() =>
      expect(logRequests()).toContainEqual(
        expect.stringMatching(`/output/${parallelJob.failingContainer}/${parallelJob.step}$`),
      ),
    );

    await userEvent.click(within(group).getByRole('button', { name: 'Container 3: success' }));
    expect(within(group).getByRole('button', { name: 'Container 3: success' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(failing).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('list', { name: 'Steps on container 3' })).toBeInTheDocument();
    // Nothing failed on container 3, so no step is open until one is chosen.
    expect(screen.queryByTestId('step-log-viewer')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /npx jest --ci --shard/ }));
    expect(await screen.findByTestId('step-log-viewer')).toBeInTheDocument();
    await waitFor(() =>
      expect(logRequests()).toContainEqual(expect.stringMatching(`/output/3/${parallelJob.step}$`)),
    );
  });

  it('explains a missing log and links to the job on app.circleci.com', async () => {
    const { missingLogJob } = ctx.fake.demo;
    await renderJob({ jobNumber: missingLogJob.jobNumber });
    await userEvent.click(await screen.findByRole('button', { name: /npm run lint/ }));
    const error = await screen.findByTestId('step-log-error');
    expect(error).toHaveTextContent('CircleCI has no log for this step');
    const link = within(error).getByRole('link', { name: /app\.circleci\.com/ });
    expect(link.getAttribute('href')).toMatch(
      new RegExp(`^https://app\\.circleci\\.com/pipelines/github/acme/rocket/${missingLogJob.pipelineNumber}/.*/jobs/${missingLogJob.jobNumber}$`),
    );
    expect(screen.queryByTestId('step-log-viewer')).not.toBeInTheDocument();
  });

  it('keeps the job view when the tests request fails', async () => {
    const { failingJob } = ctx.fake.demo;
    ctx.fake.failPath({ match: `/${failingJob.jobNumber}/tests`, status: 500 });
    await renderJob({ jobNumber: failingJob.jobNumber, route: '/?tab=tests' });
    expect(await screen.findByText(/CircleCI is unavailable/)).toBeInTheDocument();
    expect(screen.getByTestId('job-header')).toHaveTextContent('Failed');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    // The other tabs still work.
    await userEvent.click(screen.getByRole('tab', { name: 'Artifacts' }));
    expect(await screen.findAllByTestId('artifact')).toHaveLength(3);
  });

  it('keeps the job view when the artifacts request fails', async () => {
    const { failingJob } = ctx.fake.demo;
    ctx.fake.failPath({ match: `/${failingJob.jobNumber}/artifacts`, status: 403 });
    await renderJob({ jobNumber: failingJob.jobNumber, route: '/?tab=artifacts' });
    expect(await screen.findByText(/Access denied/)).toBeInTheDocument();
    expect(screen.getByTestId('job-header')).toHaveTextContent('Failed');
  });

  it('shows the branch and commit subject as inert text', async () => {
    const { fake } = ctx;
    const jobNumber = demoJobNumber({
      fake,
      projectSlug: fake.demo.slugs.rocket,
      pipelineNumber: fake.demo.pipelines.hostileBranch,
      jobName: 'build',
    });
    const { container } = await renderJob({ jobNumber });
    const header = await screen.findByTestId('job-header');
    expect(await within(header).findByText(fake.demo.hostileBranch)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows an ANSI commit subject and its checkout log without links or titles', async () => {
    const { fake } = ctx;
    const jobNumber = demoJobNumber({
      fake,
      projectSlug: fake.demo.slugs.rocket,
      pipelineNumber: fake.demo.pipelines.ansiSubject,
      jobName: 'lint',
    });
    const { container } = await renderJob({ jobNumber });
    const header = await screen.findByTestId('job-header');
    await waitFor(() => expect(header).toHaveTextContent('red click bold done'));
    await userEvent.click(screen.getByRole('button', { name: /Checkout code/ }));
    const viewer = await screen.findByTestId('step-log-viewer');
    await waitFor(() => expect(viewer).toHaveTextContent('HEAD is now at'));
    expect(viewer).toHaveTextContent(/red click\s+bold done/);
    expect(viewer).not.toHaveTextContent('javascript');
    expect(viewer).not.toHaveTextContent('title');
    const red = viewer.querySelector('[class*="modifierForegroundRed"]');
    expect(red).toHaveTextContent('red');
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('links to CircleCI only when web_url is an http(s) URL', async () => {
    const { failingJob } = ctx.fake.demo;
    const path = `v2/project/gh/acme/rocket/job/${failingJob.jobNumber}`;
    ctx.server.use(
      http.get(`${API_BASE}/${path}`, async () => {
        const real = await ctx.fake.handle(
          new Request(`http://fake/api/${path}`, { headers: { 'Circle-Token': ctx.fake.token } }),
        );
        const body = await real.json();
        return HttpResponse.json({ ...body, web_url: ['javascript', 'alert(1)'].join(':') });
      }),
    );
    const { container } = await renderJob({ jobNumber: failingJob.jobNumber });
    const header = await screen.findByTestId('job-header');
    expect(within(header).queryByText(/Open on CircleCI/)).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
  });
});
