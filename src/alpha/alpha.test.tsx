import { screen, waitFor } from '@testing-library/react';
import { createExtensionTester, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import circleCIPlugin, {
  circleCIEntityContent,
  circleCILatestPipelineCard,
  circleCIRecentPipelinesCard,
} from '../alpha';
import { circleCIApiRef } from '../api/CircleCIApi';
import { createTestClient, entityWith, setupFakeCircleCI } from '../__testUtils__/setup';

jest.setTimeout(30_000);

const ctx = setupFakeCircleCI();
const ROCKET = 'gh/acme/rocket';

function requests(pattern: RegExp) {
  return ctx.fake.requests.filter(r => pattern.test(`${r.method} ${r.path}`));
}

describe('the /alpha plugin', () => {
  it('is a frontend plugin with id circleci and a root route', () => {
    expect(circleCIPlugin.$$type).toBe('@backstage/FrontendPlugin');
    expect(circleCIPlugin.pluginId).toBe('circleci');
    expect(circleCIPlugin.routes.root).toBeDefined();
  });

  it('declares the tab at ci-cd, titled CI/CD, in the development group', () => {
    const tester = createExtensionTester(circleCIEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('ci-cd');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('CI/CD');
    expect(tester.get(EntityContentBlueprint.dataRefs.group)).toBe('development');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(entityWith(ROCKET))).toBe(true);
    expect(filter(entityWith(undefined))).toBe(false);
  });

  it('lets app-config override the path and title of the tab', () => {
    const tester = createExtensionTester(circleCIEntityContent, {
      config: { path: 'circleci', title: 'Builds' },
    });
    expect(tester.get(coreExtensionData.routePath)).toBe('circleci');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Builds');
  });

  it('renders the tab for an annotated entity', async () => {
    const tester = createExtensionTester(circleCIEntityContent);
    renderInTestApp(
      <EntityProvider entity={entityWith(ROCKET)}>{tester.reactElement()}</EntityProvider>,
      { apis: [[circleCIApiRef, createTestClient()]] },
    );
    expect(await screen.findByText(`#${ctx.fake.demo.pipelines.tag}`)).toBeInTheDocument();
  });

  it('renders the recent-pipelines card with its limit from config', async () => {
    const tester = createExtensionTester(circleCIRecentPipelinesCard, {
      config: { limit: 3 },
    });
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
    renderInTestApp(
      <EntityProvider entity={entityWith(ROCKET)}>{tester.reactElement()}</EntityProvider>,
      { apis: [[circleCIApiRef, createTestClient()]] },
    );
    expect(await screen.findByText('Recent pipelines')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('circleci-pipeline-line')).toHaveLength(3));
    // 1 pipeline list + 1 workflow list per pipeline shown.
    expect(requests(/^GET v2\/project\/.*\/pipeline(\?|$)/)).toHaveLength(1);
    expect(requests(/^GET v2\/pipeline\/[^/]+\/workflow/)).toHaveLength(3);
  });

  it('renders the latest-pipeline card for the configured branch', async () => {
    const tester = createExtensionTester(circleCILatestPipelineCard, {
      config: { branch: 'main' },
    });
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
    renderInTestApp(
      <EntityProvider entity={entityWith(ROCKET)}>{tester.reactElement()}</EntityProvider>,
      { apis: [[circleCIApiRef, createTestClient()]] },
    );
    expect(await screen.findByText('Latest pipeline on main')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('circleci-pipeline-line')).toHaveLength(1));
    expect(requests(/^GET v2\/project\/.*\/pipeline\?/)[0].path).toContain('branch=main');
  });

  it('links a card to the tab through the converted route ref', async () => {
    const tester = createExtensionTester(circleCILatestPipelineCard);
    renderInTestApp(
      <EntityProvider entity={entityWith(ROCKET)}>{tester.reactElement()}</EntityProvider>,
      {
        apis: [[circleCIApiRef, createTestClient()]],
        mountedRoutes: { '/ci-cd': circleCIPlugin.routes.root },
      },
    );
    const link = await screen.findByRole('link', { name: /All pipelines/ });
    expect(link).toHaveAttribute('href', '/ci-cd');
  });

  it('rejects an invalid card config', () => {
    expect(() =>
      createExtensionTester(circleCIRecentPipelinesCard, {
        config: { limit: 0 },
      }).reactElement(),
    ).toThrow(/limit/);
  });
});
