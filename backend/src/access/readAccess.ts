/*
 * The read check: a project's data goes to a user only if a catalog entity
 * the user can read names the project. Paths that name the project are
 * checked before anything is sent upstream; paths that name a workflow or
 * pipeline by id are checked against CircleCI's own answer about it (read
 * through the shared cache), on every request, hit or miss, before
 * anything is returned. A refusal is 404, as for a project that does not
 * exist.
 */
import { answerKey } from '../cache/answerCache';
import type { ReadOutcome, ReadRequest } from '../cache/reader';
import type { CallerCredentials, RouteContext } from '../routes/context';
import { HttpProblem } from '../routes/respond';
import { projectKey, projectKeyOfText } from './projectKey';
import type { ProjectRule } from './projectRule';
import { canSeeProject, type VisibleProjects } from './visibility';

/** The `reason` of a refused read. */
export const NOT_VISIBLE = 'not-visible';

/** What the check found. */
export type ProjectOutcome =
  | {
      kind: 'project';
      /** The project's key; undefined when not looked up (no project, or a service's read). */
      key?: string;
      /** The project as CircleCI or the path spells it, e.g. `gh/acme/rocket`. */
      slug?: string;
      /** The read that named the project (reused when it is the request itself). */
      named?: { request: ReadRequest; outcome: ReadOutcome };
    }
  /** CircleCI refused the read that names the project (e.g. 404, or the 429 window): answer it as it is. */
  | { kind: 'answer'; outcome: ReadOutcome };

function notVisible(message: string): HttpProblem {
  return new HttpProblem({ status: 404, message, reason: NOT_VISIBLE });
}

/** The projects the caller may read; 503 when the catalog cannot be asked. */
export async function visibleTo(options: { context: RouteContext; credentials: CallerCredentials }): Promise<VisibleProjects | 'all'> {
  try {
    return await options.context.visibility.of(options.credentials);
  } catch (e) {
    options.context.logger.warn(`The catalog could not be asked which CircleCI projects a user may see: ${String(e)}`);
    throw new HttpProblem({
      status: 503,
      message: 'The catalog could not be asked whether you may see this project; try again in a moment.',
      reason: 'catalog-unavailable',
    });
  }
}

function projectSlugOf(outcome: ReadOutcome): string | undefined {
  if (outcome.kind !== 'answer') return undefined;
  try {
    const body = JSON.parse(outcome.answer.body) as { project_slug?: unknown };
    return typeof body.project_slug === 'string' ? body.project_slug : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks that the caller may see the project of a request. Throws 404
 * (`reason: not-visible`) when not. `needProject` also finds the project
 * of a service principal (actions need it; a service's read does not).
 */
export async function checkProject(options: {
  context: RouteContext;
  credentials: CallerCredentials;
  rule: ProjectRule;
  needProject?: boolean;
}): Promise<ProjectOutcome> {
  const { context, credentials, rule } = options;
  const isService = credentials.principal.type === 'service';
  if (rule.kind === 'none' || (isService && !options.needProject)) return { kind: 'project' };

  if (rule.kind === 'slug') {
    const key = projectKey(rule.slug);
    const visible = await visibleTo({ context, credentials });
    if (!canSeeProject(visible, key)) {
      throw notVisible(`No catalog entity you can see names the CircleCI project ${rule.slug.slug}.`);
    }
    return { kind: 'project', key, slug: rule.slug.slug };
  }

  if (rule.kind === 'project-id') {
    const visible = await visibleTo({ context, credentials });
    if (visible !== 'all' && !visible.projectIds.has(rule.projectId.toLowerCase())) {
      throw notVisible(`No catalog entity you can see names the CircleCI project ${rule.projectId}.`);
    }
    return { kind: 'project' };
  }

  // Named by id: CircleCI's answer (perhaps from the shared cache) says whose it is.
  const outcome = await context.reader.read(rule.read);
  if (outcome.kind !== 'answer' || outcome.answer.status < 200 || outcome.answer.status >= 300) {
    return { kind: 'answer', outcome };
  }
  const slug = projectSlugOf(outcome);
  const key = projectKeyOfText(slug);
  const refusal = `The ${rule.about} ${rule.id} was not found, or no catalog entity you can see names its project.`;
  if (!key) throw notVisible(refusal);
  const visible = await visibleTo({ context, credentials });
  if (!canSeeProject(visible, key)) throw notVisible(refusal);
  return { kind: 'project', key, slug, named: { request: rule.read, outcome } };
}

/** A service's read of a project (`key`; none for a request about no project): 404 unless an entity it sees names it. */
async function checkServiceProject(options: { context: RouteContext; credentials: CallerCredentials; key?: string }): Promise<void> {
  const { context, credentials, key } = options;
  if (key === undefined) return;
  let visible;
  try {
    visible = await context.visibility.inCatalogOf(credentials);
  } catch (e) {
    context.logger.warn(`The catalog could not be asked which CircleCI projects a service may see: ${String(e)}`);
    throw new HttpProblem({ status: 503, message: 'The catalog could not be asked whether this project may be read; try again in a moment.', reason: 'catalog-unavailable' });
  }
  if (!canSeeProject(visible, key)) throw notVisible('No catalog entity this service can see names the project.');
}

/**
 * One read as a caller: the project check of `rule` (404 when the caller
 * may not see it; an endpoint without a rule is refused), then the read
 * through the shared cache. The read that named the project (a workflow, a
 * pipeline) is not asked twice when it is this very request. Shared by the
 * mirror route and the actions registry's reads.
 */
export async function readChecked(options: {
  context: RouteContext;
  credentials: CallerCredentials;
  rule: ProjectRule | undefined;
  request: ReadRequest;
  /**
   * Hold a service principal to the projects of the entities the catalog
   * shows it, as a user (the actions registry's reads); the routes let
   * services read every project.
   */
  servicesFollowCatalog?: boolean;
}): Promise<ReadOutcome> {
  const { context, credentials, rule, request } = options;
  if (!rule) throw new HttpProblem({ status: 404, message: `GET ${request.name} is not served here.` });
  const strict = options.servicesFollowCatalog === true && credentials.principal.type === 'service';
  const project = await checkProject({ context, credentials, rule, needProject: strict });
  if (project.kind === 'answer') return project.outcome;
  if (strict) await checkServiceProject({ context, credentials, key: project.key });
  const { named } = project;
  if (named && answerKey(named.request) === answerKey(request)) return named.outcome;
  return context.reader.read(request);
}
