/*
 * Test harness for actions: the tab rendered with the real client against
 * the fake, a frontend config with `circleci.actions`, and an analytics
 * API that records events.
 */
import { ReactElement } from 'react';
import { analyticsApiRef, configApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, mockApis, renderInTestApp } from '@backstage/test-utils';
import type { FakeCircleCI } from '../../dev/fake-circleci';
import { circleCIApiRef } from '../api/CircleCIApi';
import { createTestClient, entityWith } from './setup';

/** The `circleci.actions` config of a test; undefined leaves it out. */
export type ActionsTestConfig = { enabled?: boolean; trigger?: boolean; approve?: boolean };

/** Renders `element` for an entity with the given actions config; returns the analytics mock too. */
export async function renderWithActions(options: {
  element: ReactElement;
  slug: string;
  actions?: ActionsTestConfig;
  routeEntries?: string[];
}) {
  const analytics = mockApis.analytics();
  const config = mockApis.config({
    data: options.actions ? { circleci: { actions: options.actions } } : {},
  });
  const result = await renderInTestApp(
    <TestApiProvider
      apis={[
        [circleCIApiRef, createTestClient()],
        [configApiRef, config],
        [analyticsApiRef, analytics],
      ]}
    >
      <EntityProvider entity={entityWith(options.slug)}>{options.element}</EntityProvider>
    </TestApiProvider>,
    { routeEntries: options.routeEntries },
  );
  return { ...result, analytics };
}

/** The POSTs the fake received, as `path` strings. */
export function postsTo(fake: FakeCircleCI): string[] {
  return fake.requests.filter(r => r.method === 'POST').map(r => r.path);
}

/** The GETs the fake received since `from` (an index into its request log). */
export function getsSince(fake: FakeCircleCI, from: number): string[] {
  return fake.requests
    .slice(from)
    .filter(r => r.method === 'GET')
    .map(r => r.path);
}
