import { screen, within } from '@testing-library/react';
import { JobPage } from '../JobPage';
import { renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { rocketSlug } from '../../../__testUtils__/jobs';

// Rendering Backstage tables and logs in jsdom is slow on a busy machine.
jest.setTimeout(15_000);

const ctx = setupFakeCircleCI();

function renderArtifacts(jobNumber: number) {
  const slug = rocketSlug(ctx.fake);
  return renderWithEntity({
    element: <JobPage projectSlug={slug} jobNumber={jobNumber} slugs={[slug]} />,
    slug: slug.slug,
    routeEntries: ['/?tab=artifacts'],
  });
}

describe('JobArtifacts', () => {
  it('groups artifacts by container', async () => {
    const { parallelJob } = ctx.fake.demo;
    await renderArtifacts(parallelJob.jobNumber);
    const groups = await screen.findAllByTestId('artifact-group');
    expect(groups).toHaveLength(16);
    groups.forEach((group, i) => {
      expect(within(group).getByRole('heading')).toHaveTextContent(`Container ${i} (1)`);
      const link = within(group).getByRole('link', { name: new RegExp(`reports/junit-${i}\\.xml`) });
      expect(link.getAttribute('href')).toMatch(new RegExp(`^https://.*/${i}/reports/junit-${i}\\.xml$`));
    });
  });

  it('links only http(s) URLs and shows hostile paths as text', async () => {
    const { hostileArtifactsJob } = ctx.fake.demo;
    const { container } = await renderArtifacts(hostileArtifactsJob.jobNumber);
    const items = await screen.findAllByTestId('artifact');
    expect(items).toHaveLength(5);
    const js = items.find(i => i.textContent?.includes('hostile/javascript-url.html'));
    expect(js).toBeDefined();
    expect(within(js!).queryByRole('link')).toBeNull();
    expect(js).toHaveTextContent('no link: not an http(s) URL');
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(container.innerHTML).not.toContain(['javascript', 'alert'].join(':'));

    const img = items.find(i => i.textContent?.includes('hostile/<img src=x onerror=alert(1)>.html'));
    expect(within(img!).getByRole('link').getAttribute('href')).toMatch(/^https:\/\//);
    expect(container.querySelector('img')).toBeNull();
    for (const link of screen.getAllByRole('link').filter(l => items.some(i => i.contains(l)))) {
      expect(link.getAttribute('href')).toMatch(/^https:\/\//);
    }
  });
});
