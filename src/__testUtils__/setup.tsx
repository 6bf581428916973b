/*
 * Test harness: the real CircleCIClient against the one fake CircleCI,
 * mounted with msw at the URL where the Backstage proxy endpoint lives, or,
 * in backend mode, behind a fake of the backend plugin (`fakeBackend.ts`).
 */
import { ReactElement } from 'react';
import { setupServer } from 'msw/node';
import { TestApiProvider, mockApis, renderInTestApp } from '@backstage/test-utils';
import type { TestAppOptions } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { createFakeCircleCI, createFakeCircleCIHandlers } from '../../dev/fake-circleci';
import type { FakeCircleCI } from '../../dev/fake-circleci';
import { circleCIApiRef } from '../api/CircleCIApi';
import { CircleCIClient } from '../api/CircleCIClient';
import type { RetryPolicy } from '../api/retry';
import { CIRCLECI_ANNOTATION } from '../constants';
import { createFakeBackend, type FakeBackend } from './fakeBackend';

export { BACKEND_BASE, backendMissingHandlers } from './fakeBackend';

/** Where the tests' discovery API puts the proxy. */
export const PROXY_BASE = 'http://localhost:7007/api/proxy';
/** The proxy endpoint of the CircleCI API. */
export const API_BASE = `${PROXY_BASE}/circleci/api`;

/** No waiting between retries, so tests with real timers stay fast. */
export const FAST_RETRIES: Partial<RetryPolicy> = { baseDelayMs: 1, maxDelayMs: 2 };

/**
 * Starts msw with a fresh fake for each test of the calling file, and
 * returns accessors. Call at the top of a describe block or file. With
 * `backend`, the fake is served behind the backend plugin's URL only
 * (`BACKEND_BASE`; a request to the proxy is an error): use
 * `createTestClient({ backend: true })`, and count the browser's requests
 * with `backend.requests` (the upstream ones with `fake.requests`).
 */
export function setupFakeCircleCI(options?: { injectToken?: boolean; backend?: boolean }) {
  const ref: { fake?: FakeCircleCI } = {};
  const server = setupServer();
  const backend = createFakeBackend({ fake: () => ref.fake! });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    ref.fake = createFakeCircleCI({ seed: 1 });
    backend.clear();
    server.resetHandlers(
      ...(options?.backend
        ? backend.handlers
        : createFakeCircleCIHandlers({
            fake: ref.fake,
            baseUrl: API_BASE,
            injectToken: options?.injectToken,
          })),
    );
  });
  afterAll(() => server.close());
  return {
    server,
    get fake(): FakeCircleCI {
      return ref.fake!;
    },
    /** The backend plugin's fake (its handlers are installed only with `backend`). */
    backend: backend as FakeBackend,
  };
}

/** A real client pointed at the test proxy (or, with `backend`, the fake backend plugin). */
export function createTestClient(options?: {
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** Wraps the global fetch, e.g. to observe calls. */
  fetch?: typeof fetch;
  /** Talks to the backend plugin (`BACKEND_BASE`) instead of the proxy. */
  backend?: boolean;
}): CircleCIClient {
  const wrapped = options?.fetch;
  return new CircleCIClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => (wrapped ?? fetch)(input, init) },
    backend: options?.backend,
    retry: options?.retry ?? FAST_RETRIES,
    timeoutMs: options?.timeoutMs,
  });
}

/** A catalog entity with the given annotation value (none when undefined), named `name` (default `rocket`). */
export function entityWith(slug: string | undefined, name = 'rocket'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: slug === undefined ? {} : { [CIRCLECI_ANNOTATION]: slug },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

/** Renders a tab element for an entity, with the real client. */
export function renderWithEntity(options: {
  element: ReactElement;
  slug: string | undefined;
  client?: CircleCIClient;
  routeEntries?: string[];
  /** Route refs to mount, e.g. `{ '/ci-cd': circleCIRouteRef }`, for links into the tab. */
  mountedRoutes?: TestAppOptions['mountedRoutes'];
}) {
  const client = options.client ?? createTestClient();
  return renderInTestApp(
    <TestApiProvider apis={[[circleCIApiRef, client]]}>
      <EntityProvider entity={entityWith(options.slug)}>{options.element}</EntityProvider>
    </TestApiProvider>,
    { routeEntries: options.routeEntries, mountedRoutes: options.mountedRoutes },
  );
}
