/*
 * Test harness for actions: the tab rendered with the real client against
 * the fake (through the proxy, or the fake backend plugin), a frontend
 * config with `circleci.actions`, an analytics API that records events,
 * and in backend mode a permission API.
 */
import { ReactElement } from 'react';
import { analyticsApiRef, configApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef, type PermissionApi } from '@backstage/plugin-permission-react';
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
  /** Talks to the fake backend plugin (`setupFakeCircleCI({ backend: true })`) instead of the proxy. */
  backend?: boolean;
  /** The app's permission API; default: none (a proxy-mode app need not ask). */
  permission?: PermissionApi;
  /** The entity's name (default `rocket`): its ref is `component:default/<name>`. */
  entityName?: string;
}) {
  const analytics = mockApis.analytics();
  const config = mockApis.config({
    data: {
      circleci: {
        ...(options.actions ? { actions: options.actions } : {}),
        ...(options.backend ? { backend: { enabled: true } } : {}),
      },
    },
  });
  const result = await renderInTestApp(
    <TestApiProvider
      apis={[
        [circleCIApiRef, createTestClient({ backend: options.backend })],
        [configApiRef, config],
        [analyticsApiRef, analytics],
        ...(options.permission ? [[permissionApiRef, options.permission] as const] : []),
      ]}
    >
      <EntityProvider entity={entityWith(options.slug, options.entityName)}>{options.element}</EntityProvider>
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
