import { screen, waitFor } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { createTestClient, entityWith, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { circleCIApiRef } from '../../../api/CircleCIApi';
import { WORKFLOWS_ANNOTATION } from '../../../domain/workflowScope';
import { TabRoutes } from '../../tab/TabRoutes';

jest.setTimeout(30_000);

setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';

function renderScoped(workflows: string) {
  const entity = entityWith(ROCKET);
  entity.metadata.annotations![WORKFLOWS_ANNOTATION] = workflows;
  return renderInTestApp(
    <TestApiProvider apis={[[circleCIApiRef, createTestClient()]]}>
      <EntityProvider entity={entity}>
        <TabRoutes />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('the circleci.com/workflows annotation', () => {
  it('shows only the pipelines with the named workflows, and says how many are hidden', async () => {
    const client = createTestClient();
    const page = await client.listPipelines({ projectSlug: ROCKET });
    const named = await Promise.all(
      page.items.map(async p => ({
        number: p.number,
        names: (await client.listWorkflows({ pipelineId: p.id })).items.map(w => w.name),
      })),
    );
    const all = [...new Set(named.flatMap(n => n.names))];
    const name = all.find(n => named.some(r => r.names.length > 0 && !r.names.includes(n)))!;
    const glob = `${name.slice(0, -1)}*`;
    const matches = (n: string) => n.startsWith(name.slice(0, -1));
    const kept = named.filter(r => r.names.some(matches));
    const hidden = named.filter(r => !r.names.some(matches));
    expect(hidden.length).toBeGreaterThan(0);
    await renderScoped(`  ${glob} , no-such-workflow`);
    await waitFor(() =>
      expect(
        screen.getByText(
          hidden.length === 1
            ? `1 pipeline without the workflows ${glob}, no-such-workflow is hidden`
            : `${hidden.length} pipelines without the workflows ${glob}, no-such-workflow are hidden`,
        ),
      ).toBeInTheDocument(),
    );
    const shown = () => screen.queryAllByText(/^#\d+/).map(e => /^#\d+/.exec(e.textContent!)![0]);
    await waitFor(() => expect(shown().sort()).toEqual(kept.map(r => `#${r.number}`).sort()));
  });

  it.each(['deploy,,build', 'deploy;rm -rf', 'a{b}', '../x%2f'])('explains a malformed value %j', async value => {
    await renderScoped(value);
    expect(
      (await screen.findAllByText(/circleci\.com\/workflows annotation .* is not a comma-separated list/)).length,
    ).toBeGreaterThan(0);
  });
});
