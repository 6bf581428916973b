/*
 * Every query key of the plugin, and nowhere else. Each key starts with
 * `circleci` and names its resource, then the ids that name one: so a
 * group (every pipeline's workflows, one project's pipeline lists, one
 * project's insights of a kind) is a prefix, and can be invalidated at once.
 */
import type { QueryKey } from '@tanstack/react-query';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import type { ReportingWindow } from '@circleci-backstage/plugin-circleci-common';
import type { InsightsBranchScope } from '../domain/insights';

const ROOT = 'circleci';

/** The key a hook observes while it has nothing to load (never fetched). */
export const DISABLED_KEY: QueryKey = [ROOT, 'disabled'];

/** The slug string of a slug option. */
export function slugKey(projectSlug: string | ProjectSlug): string {
  return typeof projectSlug === 'string' ? projectSlug : projectSlug.slug;
}

/** The key of every pipeline list of a project (all branches, and the user's own). */
export function projectPipelinesKey(slug: string): QueryKey {
  return [ROOT, 'pipelines', slug];
}

/**
 * The key of a project's pipeline list (all pages) for a branch, or of the
 * user's own pipelines of the project (`mine`, never by branch).
 */
export function pipelinesKey(options: { slug: string; branch?: string; mine?: boolean }): QueryKey {
  const project = projectPipelinesKey(options.slug);
  return options.mine ? [...project, '', 'mine'] : [...project, options.branch ?? ''];
}

/**
 * The key of the first page of a project's pipelines for a branch, as the
 * cards read it (a plain query, unlike the tab's paged list).
 */
export function pipelineHeadKey(options: { slug: string; branch?: string }): QueryKey {
  return [...projectPipelineHeadsKey(options.slug), options.branch ?? ''];
}

/** The key of every first page of a project's pipelines that the cards read (all branches). */
export function projectPipelineHeadsKey(slug: string): QueryKey {
  return [ROOT, 'pipeline-head', slug];
}

/** The key of a project (its default branch). */
export function projectKey(slug: string): QueryKey {
  return [ROOT, 'project', slug];
}

/** The key of one pipeline. */
export function pipelineKey(pipelineId: string): QueryKey {
  return [ROOT, 'pipeline', pipelineId];
}

/** The key of a project's pipeline definitions (by the project's id). */
export function pipelineDefinitionsKey(projectId: string): QueryKey {
  return [ROOT, 'pipeline-definitions', projectId];
}

/** The key of every pipeline's workflows (`pipelineId` omitted) or of one's. */
export function workflowsKey(pipelineId?: string): QueryKey {
  return pipelineId === undefined ? [ROOT, 'workflows'] : [ROOT, 'workflows', pipelineId];
}

/** The key of one workflow. */
export function workflowKey(workflowId: string): QueryKey {
  return [ROOT, 'workflow', workflowId];
}

/** The key of a workflow's jobs. */
export function workflowJobsKey(workflowId: string): QueryKey {
  return [ROOT, 'workflow-jobs', workflowId];
}

/** What a job resource is: the job, its steps, its artifacts or its tests. */
export type JobResourceKind = 'job' | 'job-steps' | 'job-artifacts' | 'job-tests';

/** The key of a job resource of the given kind. */
export function jobKey(options: {
  kind: JobResourceKind;
  projectSlug: string | ProjectSlug;
  jobNumber: number;
}): QueryKey {
  return [ROOT, options.kind, slugKey(options.projectSlug), options.jobNumber];
}

/** The key of the output of one step on one container of a job. */
export function stepOutputKey(options: {
  projectSlug: string | ProjectSlug;
  jobNumber: number;
  containerIndex: number;
  stepNumber: number;
}): QueryKey {
  const { projectSlug, jobNumber, containerIndex, stepNumber } = options;
  return [ROOT, 'step-output', slugKey(projectSlug), jobNumber, containerIndex, stepNumber];
}

/** The key of a commit's pipeline search over some projects. */
export function commitSearchKey(options: {
  revision: string;
  slugs: readonly ProjectSlug[];
  branch?: string;
  maxPages?: number;
}): QueryKey {
  const { revision, slugs, branch, maxPages } = options;
  return [ROOT, 'commit', revision, branch ?? '', maxPages ?? 0, slugs.map(s => s.slug).join(',')];
}

/** What an insights query reads. */
export type InsightsKind = 'workflows' | 'runs' | 'summary' | 'jobs' | 'tests' | 'flaky' | 'branches';

function scopePart(scope: InsightsBranchScope): string {
  if (scope.kind === 'all') return 'all';
  if (scope.kind === 'branch') return `branch:${scope.branch}`;
  return 'default';
}

/**
 * The key of insights: every insights query (no `kind`), every one of a
 * kind, one project's of a kind (a prefix of its scopes and windows), or
 * one query (the parts given, in this order: scope, workflow, window).
 */
export function insightsKey(
  options: {
    kind?: InsightsKind;
    slug?: string;
    scope?: InsightsBranchScope;
    workflowName?: string;
    reportingWindow?: ReportingWindow | 'default';
  } = {},
): QueryKey {
  const { kind, slug, scope, workflowName, reportingWindow } = options;
  const key: string[] = [ROOT, 'insights'];
  if (kind === undefined) return key;
  key.push(kind);
  if (slug === undefined) return key;
  key.push(slug);
  if (scope !== undefined) key.push(scopePart(scope));
  if (workflowName !== undefined) key.push(workflowName);
  if (reportingWindow !== undefined) key.push(reportingWindow);
  return key;
}
