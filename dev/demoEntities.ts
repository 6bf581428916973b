/*
 * The demo catalog entities of both dev apps: one per situation the tab
 * must handle, each pointing at a project of the fake CircleCI.
 */
import type { Entity } from '@backstage/catalog-model';
import { CIRCLECI_ANNOTATION } from '../src/constants';
import { WORKFLOWS_ANNOTATION } from '../src/domain/workflowScope';

/** A demo catalog component, annotated with `slug` when one is given (and with `extra` annotations). */
export function demoEntity(
  name: string,
  description: string,
  slug?: string,
  extra: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      description,
      annotations: { ...(slug ? { [CIRCLECI_ANNOTATION]: slug } : {}), ...extra },
    },
    spec: { type: 'service', lifecycle: 'experimental', owner: 'team-acme' },
  };
}

/** The busy project, where `/` lands. */
export const BUSY_ENTITY = 'rocket';

export const demoEntities: Entity[] = [
  demoEntity(BUSY_ENTITY, 'Busy GitHub project', 'gh/acme/rocket'),
  demoEntity(
    'standalone',
    'GitLab / GitHub App project (circleci/<org-id>/<project-id> slug)',
    'circleci/6e2b8f0a-3c1d-4e5f-9a7b-1c2d3e4f5a6b/9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f',
  ),
  demoEntity('bucket', 'Bitbucket project', 'bb/acme/bucket'),
  demoEntity('mono', 'Two projects in one annotation', 'gh/acme/mono-api,gh/acme/mono-web'),
  demoEntity('monorepo-api', 'One component of a monorepo project: only its api-* workflows', 'gh/acme/monorepo', {
    [WORKFLOWS_ANNOTATION]: 'api-*',
  }),
  demoEntity('monorepo-web', 'The other component of the monorepo project: its web-build workflow', 'gh/acme/monorepo', {
    [WORKFLOWS_ANNOTATION]: 'web-build',
  }),
  demoEntity('empty', 'Project without pipelines', 'gh/acme/empty'),
  demoEntity('malformed', 'Slug without VCS prefix', 'acme/rocket'),
  demoEntity('missing', 'Project CircleCI does not know', 'gh/acme/missing'),
  demoEntity('plain', 'Entity without the annotation'),
];

/** The entity of the live project (live mode of the dev backend). */
export function liveEntity(projectSlug: string): Entity {
  return demoEntity('live-project', 'Live: a real CircleCI project', projectSlug);
}

export type DevSettings = { live: boolean; projectSlug: string | null };
