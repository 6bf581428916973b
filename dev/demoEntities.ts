/*
 * The demo catalog entities: one per situation the tab must handle, each
 * pointing at a project of the fake CircleCI. The dev backend serves them
 * from the real catalog (dev/backend/devCatalog.ts); the new-frontend-system
 * dev app reads them from there, the legacy dev app renders these same
 * objects, so both send the backend the entity refs its catalog holds
 * (`component:default/rocket`, ...).
 *
 * Who may act (dev/backend/permissionPolicy.ts: owners may act): the guest
 * the dev apps sign in as owns every entity but `bucket` (and those that
 * also name its project, and the live one), which another team owns; so the guest may rerun, cancel, approve and trigger on rocket's
 * project and not on bucket's. No entity names `gh/acme/secret`, a project
 * the fake serves: the backend answers 404 for everything of it.
 */
import type { Entity } from '@backstage/catalog-model';
import { CIRCLECI_ANNOTATION } from '../src/constants';
import { WORKFLOWS_ANNOTATION } from '../src/domain/workflowScope';

/** The user the dev apps sign in as (the guest provider's default). */
export const GUEST_USER = 'user:development/guest';
/** The owner of the entities the guest may not act on. */
export const OTHER_TEAM = 'group:default/team-acme';

/** A demo catalog component, annotated with `slug` when one is given (and with more `annotations`). */
export function demoComponent(options: {
  name: string;
  description: string;
  slug?: string;
  annotations?: Record<string, string>;
  /** Its owner's entity ref; default the guest. */
  owner?: string;
}): Entity {
  const { name, description, slug, annotations = {}, owner = GUEST_USER } = options;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      description,
      annotations: { ...(slug ? { [CIRCLECI_ANNOTATION]: slug } : {}), ...annotations },
    },
    spec: { type: 'service', lifecycle: 'experimental', owner },
  };
}

/**
 * {@link demoComponent} with positional parameters, owned by the guest
 * (the benchmark's peer app, bench/peer/app, builds its entities with it).
 */
export function demoEntity(
  name: string,
  description: string,
  slug?: string,
  annotations: Record<string, string> = {},
): Entity {
  return demoComponent({ name, description, slug, annotations });
}

/** The busy project, where `/` lands; the guest may act on it. */
export const BUSY_ENTITY = 'rocket';
/** The entity the guest may read and not act on. */
export const DENIED_ENTITY = 'bucket';

export const demoEntities: Entity[] = [
  demoComponent({ name: BUSY_ENTITY, description: 'Busy GitHub project', slug: 'gh/acme/rocket' }),
  demoComponent({
    name: 'standalone',
    description: 'GitLab / GitHub App project (circleci/<org-id>/<project-id> slug)',
    slug: 'circleci/6e2b8f0a-3c1d-4e5f-9a7b-1c2d3e4f5a6b/9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f',
  }),
  demoComponent({
    name: DENIED_ENTITY,
    description: 'Bitbucket project (owned by another team: the guest may not act on it)',
    slug: 'bb/acme/bucket',
    owner: OTHER_TEAM,
  }),
  demoComponent({ name: 'mono', description: 'Two projects in one annotation', slug: 'gh/acme/mono-api,gh/acme/mono-web' }),
  demoComponent({
    name: 'monorepo-api',
    description: 'One component of a monorepo project: only its api-* workflows',
    slug: 'gh/acme/monorepo',
    annotations: { [WORKFLOWS_ANNOTATION]: 'api-*' },
  }),
  demoComponent({
    name: 'monorepo-web',
    description: 'The other component of the monorepo project: its web-build workflow',
    slug: 'gh/acme/monorepo',
    annotations: { [WORKFLOWS_ANNOTATION]: 'web-build' },
  }),
  demoComponent({ name: 'empty', description: 'Project without pipelines', slug: 'gh/acme/empty' }),
  demoComponent({ name: 'malformed', description: 'Slug without VCS prefix', slug: 'acme/rocket' }),
  demoComponent({ name: 'missing', description: 'Project CircleCI does not know', slug: 'gh/acme/missing' }),
  demoComponent({ name: 'plain', description: 'Entity without the annotation' }),
  // The benchmark's scaling suite (bench/scaling.mjs): many pages, 2 and 5 projects.
  // Those naming bucket's project are the other team's too: no entity of
  // the guest names it, so the guest cannot act on it through any.
  demoComponent({ name: 'monorepo', description: 'One project, 230 pipelines', slug: 'gh/acme/monorepo' }),
  demoComponent({
    name: 'projects-2',
    description: 'Two projects in one annotation',
    slug: 'gh/acme/rocket,bb/acme/bucket',
    owner: OTHER_TEAM,
  }),
  demoComponent({
    name: 'projects-5',
    description: 'Five projects in one annotation',
    slug: 'gh/acme/rocket,bb/acme/bucket,gh/acme/mono-api,gh/acme/mono-web,gh/acme/monorepo',
    owner: OTHER_TEAM,
  }),
];

/** The demo entity called `name` (throws for a name that is not one). */
export function demoEntityNamed(name: string): Entity {
  const entity = demoEntities.find(e => e.metadata.name === name);
  if (!entity) throw new Error(`no demo entity ${name}`);
  return entity;
}

/**
 * The entity of the live project (live mode of the dev backend). Owned by
 * the other team: the guest may read it and not act on it, so a click in
 * the dev app never reruns or cancels real work.
 */
export function liveEntity(projectSlug: string): Entity {
  return demoComponent({
    name: 'live-project',
    description: 'Live: a real CircleCI project',
    slug: projectSlug,
    owner: OTHER_TEAM,
  });
}

export type DevSettings = { live: boolean; projectSlug: string | null };
