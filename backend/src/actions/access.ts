/*
 * Who calls an action, which project it is about, and its reads: through
 * the same catalog check and shared cache as the routes (`readChecked`),
 * with the caller's own credentials.
 */
import type { BackstageCredentials, BackstageUserPrincipal } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CIRCLECI_ENDPOINTS,
  InvalidProjectSlugError,
  parseProjectSlug,
  parseProjectSlugs,
  PROJECT_SLUG_ANNOTATION,
  type EndpointName,
  type ProjectSlug,
} from '@circleci-backstage/plugin-circleci-common';
import { projectKey } from '../access/projectKey';
import { projectRuleOf } from '../access/projectRule';
import { readChecked } from '../access/readAccess';
import { readRequestFor } from '../cache/reader';
import type { CallerCredentials, RouteContext } from '../routes/context';
import { HttpProblem } from '../routes/respond';
import { ActionError, readFailure } from './errors';

/** The caller of an action: a user or a service; anonymous callers are refused. */
export function callerOf(credentials: BackstageCredentials): CallerCredentials {
  const { type } = credentials.principal as { type?: string };
  if (type === 'user' || type === 'service') return credentials as CallerCredentials;
  throw new ActionError({
    name: 'NotAllowedError',
    message: 'CircleCI actions need a signed-in Backstage user or a service token; this call had neither.',
    reason: 'no-principal',
  });
}

/** The sentence of a write refused to a service principal. */
export const SERVICE_WRITE_MESSAGE =
  'Only a signed-in Backstage user may act on CircleCI through these actions; this call came from a service ' +
  '(e.g. a static token of backend.auth.externalAccess, which is for reads). Sign in to the assistant as a user ' +
  'or use the CircleCI tab.';

/** Refuses every caller but a user (writes act as a person, with that person's permissions). */
export function requireUser(credentials: CallerCredentials): asserts credentials is BackstageCredentials<BackstageUserPrincipal> {
  if (credentials.principal.type !== 'user') {
    // An HttpProblem, as the route's refusals, so the audit event records its reason.
    throw new HttpProblem({ status: 403, message: SERVICE_WRITE_MESSAGE, reason: 'service-principal' });
  }
}

/** A canonical entity ref; `InputError` when it is not one. */
export function canonicalEntityRef(ref: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'component', defaultNamespace: 'default' }));
  } catch {
    throw new ActionError({
      name: 'InputError',
      message: `"${ref.slice(0, 100)}" is not an entity ref such as component:default/my-service.`,
      reason: 'entity-invalid',
    });
  }
}

/** A project slug; `InputError` when it is not one. */
export function slugOf(text: string): ProjectSlug {
  try {
    return parseProjectSlug(text);
  } catch (e) {
    if (e instanceof InvalidProjectSlugError) throw new ActionError({ name: 'InputError', message: e.message });
    throw e;
  }
}

/** The project an action is about, and the entity that named it. */
export interface ActionProject {
  slug: ProjectSlug;
  /** The entity, when the caller named one. */
  entityRef?: string;
}

/**
 * The project of `entityRef` (read as the caller: 404 when they cannot see
 * it) or `projectSlug`; with both, the entity must name the project. An
 * entity that names several projects needs `projectSlug` to choose.
 */
export async function projectOf(options: {
  context: RouteContext;
  credentials: CallerCredentials;
  entityRef?: string;
  projectSlug?: string;
}): Promise<ActionProject> {
  const { context, credentials } = options;
  const wanted = options.projectSlug ? slugOf(options.projectSlug) : undefined;
  if (!options.entityRef) {
    if (!wanted) {
      throw new ActionError({ name: 'InputError', message: 'Give entityRef (e.g. component:default/rocket) or projectSlug (e.g. gh/acme/rocket).' });
    }
    return { slug: wanted };
  }
  const ref = canonicalEntityRef(options.entityRef);
  let entity;
  try {
    entity = await context.catalog.getEntityByRef(ref, { credentials });
  } catch (e) {
    context.logger.warn(`The catalog could not be asked for ${ref}: ${String(e)}`);
    throw new ActionError({ name: 'ServiceUnavailableError', message: `The catalog could not be asked for ${ref}; try again in a moment.`, reason: 'catalog-unavailable' });
  }
  if (!entity) {
    throw new ActionError({ name: 'NotFoundError', message: `The catalog entity ${ref} was not found, or you may not see it.`, reason: 'entity-not-found' });
  }
  let slugs: ProjectSlug[] = [];
  try {
    slugs = parseProjectSlugs(entity.metadata.annotations?.[PROJECT_SLUG_ANNOTATION]);
  } catch {
    slugs = [];
  }
  const entityRef = stringifyEntityRef(entity);
  if (slugs.length === 0) {
    throw new ActionError({ name: 'NotFoundError', message: `${entityRef} has no valid ${PROJECT_SLUG_ANNOTATION} annotation: it names no CircleCI project.` });
  }
  if (wanted) {
    if (!slugs.some(s => projectKey(s) === projectKey(wanted))) {
      throw new ActionError({ name: 'InputError', message: `${entityRef} does not name the CircleCI project ${wanted.slug}; it names ${slugs.map(s => s.slug).join(', ')}.`, reason: 'entity-mismatch' });
    }
    return { slug: wanted, entityRef };
  }
  if (slugs.length > 1) {
    throw new ActionError({ name: 'InputError', message: `${entityRef} names several CircleCI projects (${slugs.map(s => s.slug).join(', ')}); give projectSlug to choose one.` });
  }
  return { slug: slugs[0], entityRef };
}

/** One read as the caller: checked, through the cache; the body as text (2xx only). */
export async function readText(options: {
  context: RouteContext;
  credentials: CallerCredentials;
  name: EndpointName;
  values: Record<string, unknown>;
  about: string;
  /**
   * The ids come from an answer about a project the caller was just found
   * to see (a pipeline of a checked project's list): read through the
   * cache without asking CircleCI again whose it is, as the aggregate
   * route reads its workflow lists.
   */
  projectChecked?: boolean;
}): Promise<string> {
  const { context, credentials, name, values, about } = options;
  const request = readRequestFor({ name, values });
  const outcome = options.projectChecked
    ? await context.reader.read(request)
    : await readChecked({ context, credentials, rule: projectRuleOf({ name, params: values }), request, servicesFollowCatalog: true });
  if (outcome.kind !== 'answer' || outcome.answer.status < 200 || outcome.answer.status >= 300) {
    throw readFailure({ outcome, about });
  }
  return outcome.answer.body;
}

/** One JSON read as the caller, checked against the endpoint's schema (`Error` when CircleCI's answer does not fit). */
export async function readJson<N extends EndpointName>(options: {
  context: RouteContext;
  credentials: CallerCredentials;
  name: N;
  values: Record<string, unknown>;
  about: string;
  projectChecked?: boolean;
}): Promise<NonNullable<(typeof CIRCLECI_ENDPOINTS)[N]['types']>['body']> {
  const text = await readText(options);
  const { schema } = CIRCLECI_ENDPOINTS[options.name];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ActionError({ name: 'ServiceUnavailableError', message: `CircleCI's answer about ${options.about} is not JSON.` });
  }
  if (!schema) return json as never;
  const checked = schema.safeParse(json);
  if (!checked.success) {
    throw new ActionError({ name: 'ServiceUnavailableError', message: `CircleCI's answer about ${options.about} has an unexpected shape.` });
  }
  return checked.data as never;
}
