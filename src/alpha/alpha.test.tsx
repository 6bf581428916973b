import { screen, waitFor } from '@testing-library/react';
import { createExtensionTester, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import circleCIPlugin, {
  circleCIEntityContent,
  circleCIInsightsCard,
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
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
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

  it('reads the default branch for the latest-pipeline card without config: 1 + 1 + 1 requests', async () => {
    const tester = createExtensionTester(circleCILatestPipelineCard);
    expect(tester.get(EntityCardBlueprint.dataRefs.filterFunction)!(entityWith(undefined))).toBe(false);
    renderInTestApp(
      <EntityProvider entity={entityWith(ROCKET)}>{tester.reactElement()}</EntityProvider>,
      { apis: [[circleCIApiRef, createTestClient()]] },
    );
    expect(await screen.findByText('Latest pipeline')).toBeInTheDocument();
    await screen.findByTestId('circleci-card-workflow');
    const shown = ctx.fake.requests.map(r => `${r.method} ${r.path}`);
    expect(shown).toHaveLength(3);
    expect(shown.slice(0, 2)).toEqual([
      `GET v2/project/${ROCKET}`,
      `GET v2/project/${ROCKET}/pipeline?branch=main`,
    ]);
    expect(shown[2]).toMatch(/^GET v2\/pipeline\/[0-9a-f-]{36}\/workflow$/);
  });

  it('shows the pipelines of a configured branch in the recent card', async () => {
    const tester = createExtensionTester(circleCIRecentPipelinesCard, {
      config: { branch: 'feature/login' },
    });
    renderInTestApp(
      <EntityProvider entity={entityWith(ROCKET)}>{tester.reactElement()}</EntityProvider>,
      { apis: [[circleCIApiRef, createTestClient()]] },
    );
    expect(await screen.findByText('Recent pipelines on feature/login')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('circleci-pipeline-line').length).toBeGreaterThan(0));
    expect(requests(/^GET v2\/project\/.*\/pipeline\?/).map(r => r.path)).toEqual([
      `v2/project/${ROCKET}/pipeline?branch=feature%2Flogin`,
    ]);
  });

  it('defaults the recent card to 5 pipelines', async () => {
    const tester = createExtensionTester(circleCIRecentPipelinesCard);
    renderInTestApp(
      <EntityProvider entity={entityWith(ROCKET)}>{tester.reactElement()}</EntityProvider>,
      { apis: [[circleCIApiRef, createTestClient()]] },
    );
    await waitFor(() => expect(screen.getAllByTestId('circleci-pipeline-line')).toHaveLength(5));
    await waitFor(() => expect(requests(/^GET v2\/pipeline\/[^/]+\/workflow/)).toHaveLength(5));
    expect(requests(/^GET v2\/project\/.*\/pipeline(\?|$)/)).toHaveLength(1);
  });

  it('shows one line per project of a monorepo entity in the latest-pipeline card', async () => {
    const { monoApi, monoWeb } = ctx.fake.demo.slugs;
    const tester = createExtensionTester(circleCILatestPipelineCard);
    renderInTestApp(
      <EntityProvider entity={entityWith(`${monoApi},${monoWeb}`)}>{tester.reactElement()}</EntityProvider>,
      { apis: [[circleCIApiRef, createTestClient()]] },
    );
    await waitFor(() => expect(screen.getAllByTestId('circleci-card-workflow')).toHaveLength(2));
    expect(screen.getAllByTestId('circleci-pipeline-line')).toHaveLength(2);
    expect(screen.getByText(monoApi)).toBeInTheDocument();
    expect(screen.getByText(monoWeb)).toBeInTheDocument();
  });

  it('renders the insights card with window, branch and workflows from config, linked to the view', async () => {
    const tester = createExtensionTester(circleCIInsightsCard, {
      config: { window: 'last-7-days', branch: 'feature/login', workflows: ['build-and-test'] },
    });
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
    expect(tester.get(EntityCardBlueprint.dataRefs.filterFunction)!(entityWith(undefined))).toBe(false);
    renderInTestApp(
      <EntityProvider entity={entityWith(ROCKET)}>{tester.reactElement()}</EntityProvider>,
      {
        apis: [[circleCIApiRef, createTestClient()]],
        mountedRoutes: { '/ci-cd': circleCIPlugin.routes.root },
      },
    );
    expect(await screen.findByText('CI insights on feature/login')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('circleci-insights-card-row')).toHaveLength(1));
    expect(screen.getByRole('link', { name: /Open insights/ })).toHaveAttribute(
      'href',
      '/ci-cd/insights?window=last-7-days&branch=feature%2Flogin',
    );
    await waitFor(() => expect(requests(/^GET v2\/insights\//)).toHaveLength(3));
    expect(requests(/^GET v2\/insights\//).map(r => r.path).sort()).toEqual([
      `v2/insights/${ROCKET}/flaky-tests`,
      `v2/insights/${ROCKET}/workflows/build-and-test/summary?branch=feature%2Flogin`,
      `v2/insights/${ROCKET}/workflows?branch=feature%2Flogin&reporting-window=last-7-days`,
    ]);
  });

  it('defaults the insights card to 30 days of the default branch, and refuses an unknown window', () => {
    expect(circleCIInsightsCard).toMatchObject({ disabled: true });
    const tester = createExtensionTester(circleCIInsightsCard);
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
    expect(() =>
      createExtensionTester(circleCIInsightsCard, {
        // Not a window the type allows, as app-config could still say.
        config: { window: 'last-year' as unknown as 'last-7-days' },
      }).reactElement(),
    ).toThrow(/window/);
    expect(() =>
      createExtensionTester(circleCIInsightsCard, { config: { workflows: [] } }).reactElement(),
    ).toThrow(/workflows/);
  });

  it('places every card in the overview\'s wide content column, none in the info column of the About card', () => {
    // The catalog's overview stacks `info` cards in a sticky right column,
    // app-enabled ones before its About card: any of ours there would push
    // About out of view. `content` cards go to the wide column.
    const types = [
      createExtensionTester(circleCILatestPipelineCard).get(EntityCardBlueprint.dataRefs.type),
      createExtensionTester(circleCIRecentPipelinesCard).get(EntityCardBlueprint.dataRefs.type),
      createExtensionTester(circleCIInsightsCard).get(EntityCardBlueprint.dataRefs.type),
    ];
    expect(types).toEqual(['content', 'content', 'content']);
    // An app may still move one, through the blueprint's `type` config.
    const moved = createExtensionTester(circleCILatestPipelineCard, { config: { type: 'info' } });
    expect(moved.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
  });

  it('leaves both cards disabled until an app enables them', () => {
    expect(circleCILatestPipelineCard).toMatchObject({ disabled: true });
    expect(circleCIRecentPipelinesCard).toMatchObject({ disabled: true });
  });

  it('rejects an invalid card config', () => {
    expect(() =>
      createExtensionTester(circleCIRecentPipelinesCard, {
        config: { limit: 0 },
      }).reactElement(),
    ).toThrow(/limit/);
    expect(() =>
      createExtensionTester(circleCIRecentPipelinesCard, {
        config: { limit: 21 },
      }).reactElement(),
    ).toThrow(/limit/);
    expect(() =>
      createExtensionTester(circleCILatestPipelineCard, {
        config: { branch: '' },
      }).reactElement(),
    ).toThrow(/branch/);
  });
});
