/*
 * How each endpoint of the table tells its project: from the path (a slug,
 * or the project id of a `circleci/…` project), or from CircleCI's own
 * answer about the workflow or pipeline the path names by id (its
 * `project_slug`). An endpoint without a rule is refused: a new endpoint in
 * the table must say how its project is known before the backend serves it.
 */
import type { EndpointName, ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { readRequestFor, type ReadRequest } from '../cache/reader';

/** How the project of a request is known. */
export type ProjectRule =
  /** Not about a project (the token's user, `v2/me`). */
  | { kind: 'none' }
  /** The path names the project. */
  | { kind: 'slug'; slug: ProjectSlug }
  /** The path names a `circleci/<org-id>/<project-id>` project by its id. */
  | { kind: 'project-id'; projectId: string }
  /** CircleCI's answer to `read` (a workflow or pipeline) names the project in `project_slug`. */
  | { kind: 'named-by'; read: ReadRequest; about: 'workflow' | 'pipeline'; id: string };

const BY_WORKFLOW: ReadonlySet<EndpointName> = new Set<EndpointName>([
  'getWorkflow',
  'listJobs',
  'rerunWorkflow',
  'cancelWorkflow',
  'approveJob',
]);
const BY_PIPELINE: ReadonlySet<EndpointName> = new Set<EndpointName>(['getPipeline', 'listWorkflows']);

/** The rule of a matched request; undefined for an endpoint that has none (refused). */
export function projectRuleOf(options: {
  name: EndpointName;
  params: Readonly<Record<string, unknown>>;
}): ProjectRule | undefined {
  const { name, params } = options;
  if (name === 'getMe') return { kind: 'none' };
  if (BY_WORKFLOW.has(name) && typeof params.workflowId === 'string') {
    const id = params.workflowId;
    return { kind: 'named-by', about: 'workflow', id, read: readRequestFor({ name: 'getWorkflow', values: { workflowId: id } }) };
  }
  if (BY_PIPELINE.has(name) && typeof params.pipelineId === 'string') {
    const id = params.pipelineId;
    return { kind: 'named-by', about: 'pipeline', id, read: readRequestFor({ name: 'getPipeline', values: { pipelineId: id } }) };
  }
  const slug = params.projectSlug as ProjectSlug | undefined;
  if (slug && typeof slug === 'object' && typeof slug.slug === 'string') return { kind: 'slug', slug };
  if (typeof params.projectId === 'string') return { kind: 'project-id', projectId: params.projectId };
  return undefined;
}
