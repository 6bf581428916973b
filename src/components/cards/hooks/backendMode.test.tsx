/*
 * The cards in backend mode: the first page of pipelines comes with its
 * workflows in one request, so a card sends no workflow request. The
 * browser's requests are counted at the fake backend plugin.
 */
import { screen, waitFor } from '@testing-library/react';
import { createTestClient, renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { settle } from '../../../__testUtils__/timers';
import { EntityLatestCircleCIPipelineCard, EntityRecentCircleCIPipelinesCard } from '../../../plugin';

jest.setTimeout(60_000);
const ctx = setupFakeCircleCI({ backend: true });

/** Waits until `lines` pipelines show, none of them still loading its workflows. */
async function allLoaded(lines: number) {
  await waitFor(() => expect(screen.getAllByTestId('circleci-pipeline-line')).toHaveLength(lines));
  await waitFor(() => expect(screen.queryAllByText('Loading…')).toHaveLength(0));
  await settle();
}

describe('the cards in backend mode', () => {
  it('recent pipelines: 1 request for the 5 lines with their workflows', async () => {
    const { rocket } = ctx.fake.demo.slugs;
    await renderWithEntity({
      element: <EntityRecentCircleCIPipelinesCard />,
      slug: rocket,
      client: createTestClient({ backend: true }),
    });
    await allLoaded(5);
    expect(ctx.backend.requests).toEqual([`GET pipelines?project=${encodeURIComponent(rocket)}`]);
  });

  it('latest pipeline: the project (for its default branch) and 1 request for the pipeline with its workflows', async () => {
    const { rocket } = ctx.fake.demo.slugs;
    await renderWithEntity({
      element: <EntityLatestCircleCIPipelineCard />,
      slug: rocket,
      client: createTestClient({ backend: true }),
    });
    expect(await screen.findByTestId('circleci-card-workflow')).toHaveTextContent('build-and-test');
    await settle();
    expect(ctx.backend.requests).toEqual([
      `GET v2/project/${rocket}`,
      `GET pipelines?project=${encodeURIComponent(rocket)}&branch=main`,
    ]);
  });
});
