/*
 * Which CircleCI projects a user may read: those named by the
 * `circleci.com/project-slug` annotation of at least one catalog entity the
 * user can read with their own credentials. One catalog query per user
 * (every entity that has the annotation, only the fields needed), kept in
 * memory for a short time, so a warm page adds no catalog round trip.
 * Service principals read every project through the routes; the actions
 * registry's reads hold them to what the catalog shows them
 * (`inCatalogOf`).
 */
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { PROJECT_SLUG_ANNOTATION } from '@circleci-backstage/plugin-circleci-common';
import type { CallerCredentials } from '../routes/context';
import { projectKeysOfAnnotation, standaloneProjectId } from './projectKey';

/** The projects one user may read. */
export interface VisibleProjects {
  /** Project keys (see `projectKey`). */
  keys: ReadonlySet<string>;
  /** The project ids of the `circleci/<org-id>/<project-id>` projects among them, lower case. */
  projectIds: ReadonlySet<string>;
}

/** Answers which projects a caller may read. */
export interface ProjectVisibility {
  /** The projects the caller may read; `'all'` for a service principal. Throws when the catalog fails. */
  of(credentials: CallerCredentials): Promise<VisibleProjects | 'all'>;
  /**
   * The projects named by the entities the catalog shows to the caller,
   * a service principal too (the actions registry's reads: a service reads
   * only as it sees the catalog). Throws when the catalog fails.
   */
  inCatalogOf(credentials: CallerCredentials): Promise<VisibleProjects>;
}

/** Options of {@link createProjectVisibility}. */
export interface ProjectVisibilityOptions {
  /** The catalog, asked with each user's own credentials. */
  catalog: CatalogService;
  /** The clock. */
  now: () => number;
  /** How long a user's answer is kept. Default 30 s. */
  ttlMs?: number;
  /** The most users kept at once (the oldest go first). Default 10,000. */
  maxUsers?: number;
  /** Entities per catalog page. Default 1,000. */
  pageSize?: number;
}

/** The fields read of each entity: enough for its ref (in logs) and its annotation. */
const FIELDS = ['kind', 'metadata.namespace', 'metadata.name', 'metadata.annotations'];

type Entry = { at: number; projects: Promise<VisibleProjects> };

async function ask(options: {
  catalog: CatalogService;
  credentials: CallerCredentials;
  pageSize: number;
}): Promise<VisibleProjects> {
  const { catalog, credentials, pageSize } = options;
  const keys = new Set<string>();
  let cursor: string | undefined;
  // A bound on pages, so a catalog that keeps answering a cursor cannot hold a request forever.
  for (let page = 0; page < 1000; page += 1) {
    const answer = cursor
      ? await catalog.queryEntities({ cursor, limit: pageSize, fields: FIELDS }, { credentials })
      : await catalog.queryEntities(
          {
            filter: { [`metadata.annotations.${PROJECT_SLUG_ANNOTATION}`]: CATALOG_FILTER_EXISTS },
            fields: FIELDS,
            limit: pageSize,
          },
          { credentials },
        );
    for (const entity of answer.items) {
      for (const key of projectKeysOfAnnotation(entity.metadata?.annotations?.[PROJECT_SLUG_ANNOTATION])) keys.add(key);
    }
    cursor = answer.pageInfo?.nextCursor;
    if (!cursor || answer.items.length === 0) break;
  }
  const projectIds = new Set<string>();
  for (const key of keys) {
    const id = standaloneProjectId(key);
    if (id) projectIds.add(id);
  }
  return { keys, projectIds };
}

/** Creates the per-user view of the catalog. */
export function createProjectVisibility(options: ProjectVisibilityOptions): ProjectVisibility {
  const { catalog, now } = options;
  const ttlMs = options.ttlMs ?? 30_000;
  const maxUsers = options.maxUsers ?? 10_000;
  const pageSize = options.pageSize ?? 1000;
  const byUser = new Map<string, Entry>();

  const inCatalogOf = (credentials: CallerCredentials): Promise<VisibleProjects> => {
    const { principal } = credentials;
    const user = principal.type === 'service' ? `service:${principal.subject}` : principal.userEntityRef;
    const kept = byUser.get(user);
    if (kept && now() - kept.at < ttlMs) return kept.projects;
    const projects = ask({ catalog, credentials, pageSize });
    const entry: Entry = { at: now(), projects };
    byUser.delete(user);
    byUser.set(user, entry);
    while (byUser.size > maxUsers) byUser.delete(byUser.keys().next().value as string);
    // A failed look-up is not kept: the next request asks again.
    projects.catch(() => {
      if (byUser.get(user) === entry) byUser.delete(user);
    });
    return projects;
  };
  return {
    async of(credentials) {
      return credentials.principal.type === 'service' ? 'all' : inCatalogOf(credentials);
    },
    inCatalogOf,
  };
}

/** Whether `visible` holds a project key. */
export function canSeeProject(visible: VisibleProjects | 'all', key: string): boolean {
  return visible === 'all' || visible.keys.has(key);
}
