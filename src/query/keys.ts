/*
 * Query keys. Every key starts with `circleci` and names its resource, so
 * a group (say, every pipeline's workflows) can be invalidated at once.
 */
import type { QueryKey } from '@tanstack/react-query';

/**
 * The key of a project's pipeline list (all pages) for a branch, or of the
 * user's own pipelines of the project (`mine`, never by branch).
 */
export function pipelinesKey(options: { slug: string; branch?: string; mine?: boolean }): QueryKey {
  return options.mine
    ? ['circleci', 'pipelines', options.slug, '', 'mine']
    : ['circleci', 'pipelines', options.slug, options.branch ?? ''];
}

/** The key of a project (its default branch). */
export function projectKey(slug: string): QueryKey {
  return ['circleci', 'project', slug];
}

/**
 * The key of the first page of a project's pipelines for a branch, as the
 * cards read it (a plain query, unlike the tab's paged list).
 */
export function pipelineHeadKey(options: { slug: string; branch?: string }): QueryKey {
  return ['circleci', 'pipeline-head', options.slug, options.branch ?? ''];
}

/** The key of every pipeline's workflows (`pipelineId` omitted) or of one. */
export function workflowsKey(pipelineId?: string): QueryKey {
  return pipelineId === undefined ? ['circleci', 'workflows'] : ['circleci', 'workflows', pipelineId];
}

/** The key of any other resource: its kind, then the ids that name it. */
export function resourceKey(kind: string, ...ids: Array<string | number>): QueryKey {
  return ['circleci', kind, ...ids];
}
