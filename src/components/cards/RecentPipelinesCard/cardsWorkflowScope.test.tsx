import { ReactElement } from 'react';
import { screen, waitFor } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { createTestClient, entityWith, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { circleCIApiRef } from '../../../api/CircleCIApi';
import type { Pipeline, Workflow } from '@circleci-backstage/plugin-circleci-common';
import { WORKFLOWS_ANNOTATION } from '../../../domain/workflowScope';
import {
  EntityCircleCIInsightsCard,
  EntityLatestCircleCIPipelineCard,
  EntityRecentCircleCIPipelinesCard,
} from '../../../plugin';

jest.setTimeout(60_000);
const ctx = setupFakeCircleCI();
const WORKFLOWS = /^GET v2\/pipeline\/[^/]+\/workflow/;

function renderScoped(element: ReactElement, workflows: string) {
  const entity = entityWith(ctx.fake.demo.slugs.monorepo);
  entity.metadata.annotations![WORKFLOWS_ANNOTATION] = workflows;
  return renderInTestApp(
    <TestApiProvider apis={[[circleCIApiRef, createTestClient()]]}>
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
  );
}

/** The first page's pipelines with their workflow names, through the client. */
async function firstPage(branch?: string): Promise<Array<{ pipeline: Pipeline; workflows: Workflow[] }>> {
  const client = createTestClient();
  const page = await client.listPipelines({ projectSlug: ctx.fake.demo.slugs.monorepo, branch });
  const all = await Promise.all(
    page.items.map(async pipeline => ({
      pipeline,
      workflows: (await client.listWorkflows({ pipelineId: pipeline.id })).items,
    })),
  );
  ctx.fake.clearRequests();
  return all;
}

const isApi = (w: Workflow) => w.name.startsWith('api-');
const isWeb = (w: Workflow) => w.name.startsWith('web-');
const workflowRequests = () => ctx.fake.requests.filter(r => WORKFLOWS.test(`${r.method} ${r.path}`)).length;

describe('the cards with circleci.com/workflows', () => {
  it('the latest card shows the newest pipeline with a workflow of the component, only those, and counts the hidden', async () => {
    const page = await firstPage('main');
    // The newest pipelines on main are the api's only.
    const webIndex = page.findIndex(p => p.workflows.some(isWeb));
    expect(webIndex).toBeGreaterThan(0);
    const target = page[webIndex];
    await renderScoped(<EntityLatestCircleCIPipelineCard />, 'web-*');
    await waitFor(() =>
      expect(screen.getByTestId('circleci-card-hidden')).toHaveTextContent(
        webIndex === 1
          ? '1 pipeline without the workflows web-* is hidden'
          : `${webIndex} pipelines without the workflows web-* are hidden`,
      ),
    );
    const names = (await screen.findAllByTestId('circleci-card-workflow')).map(e => e.textContent);
    expect(names).toEqual(target.workflows.filter(isWeb).map(w => expect.stringContaining(w.name)));
    expect(screen.getByText(`#${target.pipeline.number}`, { exact: false })).toBeInTheDocument();
    // The hidden ones and the one shown, one workflow list each.
    expect(workflowRequests()).toBe(webIndex + 1);
  });

  it('the recent card shows the first 5 pipelines with the component\'s workflows, and counts the hidden', async () => {
    const page = await firstPage();
    const kept: number[] = [];
    let hidden = 0;
    for (const p of page) {
      if (kept.length === 5) break;
      if (p.workflows.some(isApi)) kept.push(p.pipeline.number);
      else hidden++;
    }
    expect(hidden).toBeGreaterThan(0);
    await renderScoped(<EntityRecentCircleCIPipelinesCard />, 'api-build, api-deploy');
    await waitFor(() => {
      const lines = screen.getAllByTestId('circleci-pipeline-line');
      expect(lines.map(l => Number(/#(\d+)/.exec(l.textContent!)?.[1]))).toEqual(kept);
      lines.forEach(l => expect(l).not.toHaveTextContent('Loading'));
    });
    expect(screen.getByTestId('circleci-card-hidden')).toHaveTextContent(
      hidden === 1
        ? '1 pipeline without the workflows api-build, api-deploy is hidden'
        : `${hidden} pipelines without the workflows api-build, api-deploy are hidden`,
    );
    expect(workflowRequests()).toBe(kept.length + hidden);
  });

  it('without the annotation, the cards read exactly what they show', async () => {
    const entity = entityWith(ctx.fake.demo.slugs.monorepo);
    await renderInTestApp(
      <TestApiProvider apis={[[circleCIApiRef, createTestClient()]]}>
        <EntityProvider entity={entity}>
          <EntityRecentCircleCIPipelinesCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    await waitFor(() => expect(screen.getAllByTestId('circleci-pipeline-line')).toHaveLength(5));
    expect(screen.queryByTestId('circleci-card-hidden')).not.toBeInTheDocument();
    await waitFor(() => expect(workflowRequests()).toBe(5));
  });

  it.each([
    ['latest', <EntityLatestCircleCIPipelineCard />],
    ['recent', <EntityRecentCircleCIPipelinesCard />],
    ['insights', <EntityCircleCIInsightsCard />],
  ])('the %s card explains a malformed value, without a request', async (_name, element) => {
    await renderScoped(element, 'api-*,,web');
    expect(
      (await screen.findAllByText(/circleci\.com\/workflows annotation "api-\*,,web" is not a comma-separated list/))
        .length,
    ).toBeGreaterThan(0);
    expect(ctx.fake.requests).toHaveLength(0);
  });
});
