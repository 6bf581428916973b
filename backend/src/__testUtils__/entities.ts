/*
 * The catalog of the backend's tests: one entity per project of the fake
 * CircleCI (and the odd cases), read through the in-memory catalog of
 * `catalogServiceMock`, with a rule of which user may read which entity,
 * and the catalog calls counted per caller.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { PROJECT_SLUG_ANNOTATION } from '@circleci-backstage/plugin-circleci-common';

/** A component named `name`, owned by `owner`, whose annotation is `slug` (none when undefined). */
export function component(options: { name: string; slug?: string; owner?: string }): Entity {
  const { name, slug, owner } = options;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: slug === undefined ? {} : { [PROJECT_SLUG_ANNOTATION]: slug },
    },
    spec: { type: 'service', lifecycle: 'production', owner: owner ?? 'group:default/team-acme' },
  };
}

/** The entities of the tests, for the fake's project slugs (`fake.demo.slugs`). */
export function testEntities(slugs: { standalone: string }): Entity[] {
  return [
    component({ name: 'rocket', slug: 'gh/acme/rocket', owner: 'group:default/team-rocket' }),
    component({ name: 'bucket', slug: 'bb/acme/bucket', owner: 'group:default/team-bucket' }),
    component({ name: 'standalone', slug: slugs.standalone }),
    // One entity, two projects (a monorepo annotation).
    component({ name: 'mono', slug: 'gh/acme/mono-api, github/acme/mono-web' }),
    component({ name: 'monorepo', slug: 'gh/acme/monorepo' }),
    component({ name: 'empty', slug: 'gh/acme/empty' }),
    component({ name: 'missing', slug: 'gh/acme/missing' }),
    // Grants nothing: not a slug.
    component({ name: 'malformed', slug: 'acme/bucket' }),
    component({ name: 'plain' }),
  ];
}

/** Who may read which entity: `true` for everyone by default. */
export type CanRead = (options: { user: string; entity: Entity }) => boolean;

/** The catalog calls seen, by method and caller (`user:…` or `service`). */
export interface CatalogCalls {
  /** Every call, in order. */
  all: Array<{ method: string; caller: string }>;
  /** How many calls of `method` (by `caller`, when given). */
  count(options: { method: string; caller?: string }): number;
  /** Forgets them. */
  clear(): void;
}

function callerOf(options: unknown): string {
  const credentials = (options as { credentials?: BackstageCredentials } | undefined)?.credentials;
  const principal = credentials?.principal as { type?: string; userEntityRef?: string } | undefined;
  if (principal?.type === 'user' && principal.userEntityRef) return principal.userEntityRef;
  return principal?.type ?? 'none';
}

/** A catalog service factory over `entities`, readable per `canRead`, that counts its calls. */
export function createTestCatalog(options: { entities: Entity[]; canRead?: CanRead }) {
  const { entities } = options;
  const canRead: CanRead = options.canRead ?? (() => true);
  const all: CatalogCalls['all'] = [];
  const calls: CatalogCalls = {
    all,
    count: ({ method, caller }) => all.filter(c => c.method === method && (!caller || c.caller === caller)).length,
    clear: () => {
      all.length = 0;
    },
  };
  const catalogOf = (caller: string) =>
    catalogServiceMock({
      entities: caller === 'service' ? entities : entities.filter(entity => canRead({ user: caller, entity })),
    });
  const mock = catalogServiceMock.mock({
    queryEntities: async (request, requestOptions) => {
      const caller = callerOf(requestOptions);
      all.push({ method: 'queryEntities', caller });
      return catalogOf(caller).queryEntities(request);
    },
    getEntityByRef: async (ref, requestOptions) => {
      const caller = callerOf(requestOptions);
      all.push({ method: 'getEntityByRef', caller });
      return catalogOf(caller).getEntityByRef(ref);
    },
  });
  return { factory: mock.factory, calls };
}
