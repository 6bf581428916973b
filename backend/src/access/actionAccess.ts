/*
 * Who may act: every POST names the catalog entity the user acts through
 * (`?entity=<kind>:<namespace>/<name>`). The backend reads that entity with
 * the caller's own credentials (never trusting the browser about its
 * annotation), checks that its `circleci.com/project-slug` annotation names
 * the project of the target (for a workflow: the project CircleCI names),
 * and asks the permission framework for the action's permission on it.
 */
import type { Request } from 'express';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CIRCLECI_ACTION_PERMISSIONS,
  PROJECT_SLUG_ANNOTATION,
  ACTION_ENTITY_QUERY,
  type ActionEndpointName,
} from '@circleci-backstage/plugin-circleci-common';
import type { CallerCredentials, RouteContext } from '../routes/context';
import { HttpProblem } from '../routes/respond';
import { MAX_QUERY_VALUE_CHARS, rawTarget } from '../routes/target';
import { projectKeysOfAnnotation } from './projectKey';

/** The query parameter that names the entity: the one the endpoint table adds to every action. */
export const ENTITY_PARAM = ACTION_ENTITY_QUERY;

/** What each permission lets a user do, for the 403 sentence. */
const DOING: Record<string, string> = {
  'circleci.workflow.operate': 'rerun or cancel workflows and jobs',
  'circleci.job.approve': 'approve jobs',
  'circleci.pipeline.trigger': 'trigger pipelines',
};

/** The entity a POST names, as a canonical ref; 400 when it is missing, given twice or not a ref. */
export function entityRefOf(req: Request): string {
  const values = rawTarget(req).search.getAll(ENTITY_PARAM);
  const example = 'e.g. ?entity=component:default/my-service';
  if (values.length === 0 || values[0] === '') {
    throw new HttpProblem({
      status: 400,
      message: `Name the catalog entity you act through, ${example}.`,
      reason: 'entity-missing',
    });
  }
  if (values.length > 1 || values[0].length > MAX_QUERY_VALUE_CHARS) {
    throw new HttpProblem({ status: 400, message: `Name one catalog entity, ${example}.`, reason: 'entity-invalid' });
  }
  try {
    return stringifyEntityRef(parseEntityRef(values[0]));
  } catch {
    throw new HttpProblem({
      status: 400,
      message: `"${values[0].slice(0, 100)}" is not an entity ref such as component:default/my-service.`,
      reason: 'entity-invalid',
    });
  }
}

/** Refuses a service principal unless `circleci.actions.allowServicePrincipals` is true. */
export function checkPrincipal(options: { context: RouteContext; credentials: CallerCredentials }): void {
  if (options.credentials.principal.type === 'service' && !options.context.settings.allowServicePrincipalActions) {
    throw new HttpProblem({
      status: 403,
      message: 'Services may not act on CircleCI here: an admin can allow it with circleci.actions.allowServicePrincipals.',
      reason: 'service-principal',
    });
  }
}

/**
 * Reads the entity as the caller and checks that its annotation names the
 * project (`projectKey`, `projectSlug` as CircleCI or the path spells it).
 * 404 when the caller cannot read it; 403 when it names other projects.
 * Returns the entity's ref as the catalog spells it.
 */
export async function checkEntity(options: {
  context: RouteContext;
  credentials: CallerCredentials;
  entityRef: string;
  projectKey: string;
  projectSlug: string;
}): Promise<string> {
  const { context, credentials, entityRef, projectKey, projectSlug } = options;
  let entity;
  try {
    entity = await context.catalog.getEntityByRef(entityRef, { credentials });
  } catch (e) {
    context.logger.warn(`The catalog could not be asked for ${entityRef}: ${String(e)}`);
    throw new HttpProblem({
      status: 503,
      message: `The catalog could not be asked for ${entityRef}; try again in a moment.`,
      reason: 'catalog-unavailable',
    });
  }
  if (!entity) {
    throw new HttpProblem({
      status: 404,
      message: `The catalog entity ${entityRef} was not found, or you may not see it.`,
      reason: 'entity-not-found',
    });
  }
  const keys = projectKeysOfAnnotation(entity.metadata.annotations?.[PROJECT_SLUG_ANNOTATION]);
  if (!keys.includes(projectKey)) {
    throw new HttpProblem({
      status: 403,
      message: `${entityRef} does not name the CircleCI project ${projectSlug} in its ${PROJECT_SLUG_ANNOTATION} annotation, so it cannot be used to act on it.`,
      reason: 'entity-mismatch',
    });
  }
  return stringifyEntityRef(entity);
}

/** Asks the permission framework; 403 with a sentence for the UI when denied. */
export async function checkPermission(options: {
  context: RouteContext;
  credentials: CallerCredentials;
  name: ActionEndpointName;
  entityRef: string;
}): Promise<void> {
  const { context, credentials, name, entityRef } = options;
  const permission = CIRCLECI_ACTION_PERMISSIONS[name];
  const [decision] = await context.permissions.authorize([{ permission, resourceRef: entityRef }], { credentials });
  if (decision?.result !== AuthorizeResult.ALLOW) {
    throw new HttpProblem({
      status: 403,
      message: `You may not ${DOING[permission.name] ?? 'do this'} of ${entityRef}: your Backstage permissions do not include ${permission.name}.`,
      reason: 'permission-denied',
    });
  }
}
