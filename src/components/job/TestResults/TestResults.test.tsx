import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { JobPage } from '../JobPage';
import { renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { rocketSlug } from '../../../__testUtils__/jobs';

// Rendering Backstage tables and logs in jsdom is slow on a busy machine.
jest.setTimeout(15_000);

const ctx = setupFakeCircleCI();

function renderTests(jobNumber: number) {
  const slug = rocketSlug(ctx.fake);
  return renderWithEntity({
    element: <JobPage projectSlug={slug} jobNumber={jobNumber} slugs={[slug]} />,
    slug: slug.slug,
    routeEntries: ['/?tab=tests'],
  });
}

const names = () => screen.getAllByTestId('test-result').map(e => e.querySelector('p')?.textContent);

describe('TestResults', () => {
  it('shows failures first with their message, and the counts', async () => {
    const { failingJob } = ctx.fake.demo;
    await renderTests(failingJob.jobNumber);
    expect(await screen.findByTestId('test-summary')).toHaveTextContent(
      '12 tests: 9 passed, 1 failed, 2 skipped',
    );
    const rows = screen.getAllByTestId('test-result');
    expect(rows).toHaveLength(12);
    expect(rows[0]).toHaveTextContent('rocket › computes the answer');
    const pre = rows[0].querySelector('pre');
    expect(pre).toHaveTextContent(failingJob.failingLines[1]);
    expect(rows.slice(1).every(r => r.querySelector('pre') === null)).toBe(true);
    // Skipped tests come last.
    expect(names().slice(-2)).toEqual(['engine › thrust › throttles down', 'Dashboard › is accessible']);
  });

  it('filters by result', async () => {
    const { failingJob } = ctx.fake.demo;
    await renderTests(failingJob.jobNumber);
    const filter = await screen.findByRole('group', { name: 'Filter tests by result' });
    await userEvent.click(within(filter).getByRole('button', { name: 'Skipped (2)' }));
    expect(names()).toEqual(['engine › thrust › throttles down', 'Dashboard › is accessible']);
    await userEvent.click(within(filter).getByRole('button', { name: 'Failed (1)' }));
    expect(names()).toEqual(['rocket › computes the answer']);
    await userEvent.click(within(filter).getByRole('button', { name: 'Passed (9)' }));
    expect(screen.getAllByTestId('test-result')).toHaveLength(9);
    await userEvent.click(within(filter).getByRole('button', { name: 'All (12)' }));
    expect(screen.getAllByTestId('test-result')).toHaveLength(12);
  });

  it('loads every page of a large job and puts its failure first', async () => {
    const { parallelJob } = ctx.fake.demo;
    await renderTests(parallelJob.jobNumber);
    expect(await screen.findByTestId('test-summary', {}, { timeout: 5000 })).toHaveTextContent(
      '240 tests: 223 passed, 1 failed, 16 skipped',
    );
    const pages = ctx.fake.requests.filter(r => r.path.includes(`/${parallelJob.jobNumber}/tests`));
    expect(pages).toHaveLength(3);
    await waitFor(() => expect(screen.getAllByTestId('test-result').length).toBeGreaterThan(0));
    expect(screen.getAllByTestId('test-result')[0]).toHaveTextContent(
      `module ${parallelJob.failingContainer} › case 8`,
    );
  });

  it('explains why a job may have no test results', async () => {
    const { missingLogJob } = ctx.fake.demo;
    await renderTests(missingLogJob.jobNumber);
    const empty = await screen.findByTestId('no-test-results');
    expect(empty).toHaveTextContent('This job has no test results.');
    expect(empty).toHaveTextContent('store_test_results');
    expect(empty).toHaveTextContent('250 MB');
  });
});
