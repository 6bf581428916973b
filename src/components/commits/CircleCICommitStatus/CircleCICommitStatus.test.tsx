import { screen, waitFor } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { english } from '../../../__testUtils__/english';
import { createTestClient, renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { circleCIApiRef } from '../../../api/CircleCIApi';
import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { combineStatuses, derivePipelineStatus } from '../../../domain/status';
import { statusLabel } from '../../../domain/statusLabels';
import { circleCIRouteRef } from '../../../routes';
import { CircleCICommitStatus } from './CircleCICommitStatus';

jest.setTimeout(30_000);

const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';

/** The expected label, computed through the client independently of the component. */
async function expectedFor(index: number): Promise<{ sha: string; label: string; pipelines: Pipeline[] }> {
  const client = createTestClient();
  const page = await client.listPipelines({ projectSlug: ROCKET });
  const sha = page.items[index].vcs!.revision;
  const pipelines = page.items.filter(p => p.vcs?.revision === sha);
  const statuses = await Promise.all(
    pipelines.map(async p =>
      derivePipelineStatus({
        state: p.state,
        workflows: (await client.listWorkflows({ pipelineId: p.id })).items,
      }),
    ),
  );
  return { sha, label: english(statusLabel(combineStatuses(statuses))), pipelines };
}

function status(): HTMLElement {
  return screen.getByTestId('circleci-commit-status');
}

describe('CircleCICommitStatus', () => {
  it('shows the combined status of a commit of the entity, linked to the commit view', async () => {
    const { sha, label } = await expectedFor(3);
    const from = ctx.fake.requests.length;
    await renderWithEntity({
      element: <CircleCICommitStatus sha={sha.slice(0, 8)} />,
      slug: ROCKET,
      mountedRoutes: { '/ci-cd': circleCIRouteRef },
    });
    await waitFor(() => expect(status()).toHaveTextContent(label), { timeout: 5000 });
    expect(screen.getByRole('link')).toHaveAttribute('href', `/ci-cd/commits/${sha.slice(0, 8)}`);
    const sent = ctx.fake.requests.slice(from).map(r => r.path);
    expect(sent.filter(p => /\/pipeline(\?|$)/.test(p))).toHaveLength(1);
  });

  it('takes a project slug without an entity, and has no link where the tab is not mounted', async () => {
    const { sha, label } = await expectedFor(0);
    await renderInTestApp(
      <TestApiProvider apis={[[circleCIApiRef, createTestClient()]]}>
        <CircleCICommitStatus sha={sha} projectSlug={ROCKET} />
      </TestApiProvider>,
    );
    await waitFor(() => expect(status()).toHaveTextContent(label), { timeout: 5000 });
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('says when no build of the commit was found, and when the SHA is invalid', async () => {
    await renderWithEntity({ element: <CircleCICommitStatus sha="deadbee" />, slug: ROCKET });
    await waitFor(() =>
      expect(status()).toHaveTextContent('No CircleCI build found in the last 65 pipelines'),
    );
    await renderWithEntity({ element: <CircleCICommitStatus sha="nope" />, slug: ROCKET });
    expect(screen.getAllByTestId('circleci-commit-status')[1]).toHaveTextContent(
      /CircleCI status unavailable: "nope" is not a commit SHA/,
    );
  });
});
