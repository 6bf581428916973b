/*
 * The paged queries of pipelines: a project's pipeline list (the tab's,
 * 20 a page, whose pages start their pipelines' workflow requests as they
 * arrive, or, in backend mode, come with their workflows in one request)
 * and the search for a commit's pipelines.
 */
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { CircleCIApi } from '../api/CircleCIApi';
import type { PipelinesByRevision } from '@circleci-backstage/plugin-circleci-common';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import type { Page, Pipeline } from '@circleci-backstage/plugin-circleci-common';
import type { CircleCIPagedQueryOptions } from './defineQuery';
import { commitSearchKey, pipelinesKey, workflowsKey } from './keys';
import { prefetchWorkflows, seedWorkflows } from './workflowQueries';

/** Which pipeline list: a project's, of a branch or the user's own. */
export interface PipelineListOptions {
  /** The project. */
  projectSlug: ProjectSlug;
  /** Only this branch's pipelines (ignored with `mine`: CircleCI cannot filter that list by branch). */
  branch?: string;
  /** The pipelines the token's user triggered (`pipeline/mine`) instead of everyone's. */
  mine?: boolean;
}

/** A page of a pipeline list. */
export interface PipelineListPage extends Page<Pipeline> {
  /** Backend mode: set when the page was served from the backend's cache while CircleCI rate-limits. */
  staleAt?: Date;
}

type PipelinePages = InfiniteData<PipelineListPage, string | undefined>;

/**
 * Reads one page of a project's pipelines and gets their workflows going.
 * In backend mode (the API has `listPipelinesWithWorkflows`) that is one
 * request: the aggregate's workflows fill each pipeline's workflow query.
 * Otherwise (the proxy, or the user's own list, which has no aggregate) the
 * page is one request and its pipelines' workflow requests start at once,
 * before the rows render.
 */
export async function loadPipelinePage(options: {
  api: CircleCIApi;
  queryClient: QueryClient;
  projectSlug: ProjectSlug;
  branch?: string;
  mine?: boolean;
  pageToken?: string;
  signal?: AbortSignal;
}): Promise<PipelineListPage> {
  const { api, queryClient, projectSlug, branch, mine, pageToken, signal } = options;
  if (!mine && api.listPipelinesWithWorkflows) {
    const page = await api.listPipelinesWithWorkflows({ projectSlug, branch, pageToken, signal });
    seedWorkflows({ api, queryClient, items: page.items });
    const result: PipelineListPage = { items: page.items.map(i => i.pipeline) };
    if (page.nextPageToken) result.nextPageToken = page.nextPageToken;
    if (page.staleAt) result.staleAt = page.staleAt;
    return result;
  }
  const page = mine
    ? await api.listMyPipelines({ projectSlug, pageToken, signal })
    : await api.listPipelines({ projectSlug, branch, pageToken, signal });
  prefetchWorkflows({ api, queryClient, pipelineIds: page.items.map(p => p.id) });
  return page;
}

/**
 * A project's pipeline list, page by page. As soon as a page arrives,
 * before its rows render, its pipelines' workflows are on their way (see
 * {@link loadPipelinePage}).
 */
export function pipelineListQuery(
  options: PipelineListOptions & { api: CircleCIApi; queryClient: QueryClient },
): CircleCIPagedQueryOptions<PipelineListPage, string | undefined> {
  const { api, queryClient, projectSlug, mine } = options;
  const branch = mine ? undefined : options.branch;
  return {
    queryKey: pipelinesKey({ slug: projectSlug.slug, branch, mine }),
    initialPageParam: undefined,
    getNextPageParam: last => last.nextPageToken,
    queryFn: ({ pageParam, signal }) =>
      loadPipelinePage({ api, queryClient, projectSlug, branch, mine, pageToken: pageParam, signal }),
  };
}

/**
 * Reads the first page of a pipeline list unless it is loaded or loading
 * (the "mine" probe: the list then shows that page without another request).
 */
export function prefetchPipelineList(
  options: PipelineListOptions & { api: CircleCIApi; queryClient: QueryClient },
): void {
  const { queryClient } = options;
  const query = pipelineListQuery(options);
  const state = queryClient.getQueryState(query.queryKey);
  if (state && (state.status !== 'pending' || state.fetchStatus === 'fetching')) return;
  queryClient.prefetchInfiniteQuery(query).catch(() => undefined);
}

/**
 * Keeps only the first page of the pipeline lists under `queryKey` (or of
 * that one list, with `exact`); the others are read again on demand.
 */
export function keepFirstPipelinePage(options: { queryClient: QueryClient; queryKey: QueryKey; exact?: boolean }): void {
  options.queryClient.setQueriesData<PipelinePages>(
    { queryKey: options.queryKey, exact: options.exact },
    d => d && { pages: d.pages.slice(0, 1), pageParams: d.pageParams.slice(0, 1) },
  );
}

/**
 * Reads a pipeline list again from its first page (the rows on screen stay
 * until it arrives); its pipelines' workflows are read again as the rows
 * ask for them, or, in backend mode, come again with the page.
 */
export function restartPipelineList(options: {
  api: CircleCIApi;
  queryClient: QueryClient;
  slug: string;
  branch?: string;
  mine?: boolean;
}): void {
  const { api, queryClient, slug, mine } = options;
  const queryKey = pipelinesKey({ slug, branch: mine ? undefined : options.branch, mine });
  keepFirstPipelinePage({ queryClient, queryKey, exact: true });
  if (mine || !api.listPipelinesWithWorkflows) {
    queryClient.invalidateQueries({ queryKey: workflowsKey(), refetchType: 'none' }).catch(() => undefined);
  }
  queryClient.invalidateQueries({ queryKey, exact: true }).catch(() => undefined);
}

/** One round of a commit search: each project's answer, by slug. */
export type CommitSearchRound = Record<string, PipelinesByRevision>;
/** Where each unfinished project goes on; undefined for the first round. */
export type CommitSearchTokens = Record<string, string> | undefined;

/**
 * A commit's pipelines in each project, with `findPipelinesByRevision`
 * (at most `maxPages` pipeline pages per project and round); each further
 * page is a round over the projects not exhausted. `onProgress` hears the
 * pipelines looked at so far in the round, by slug.
 */
export function commitSearchQuery(options: {
  api: CircleCIApi;
  slugs: readonly ProjectSlug[];
  revision: string;
  branch?: string;
  maxPages?: number;
  onProgress?: (scanned: Record<string, number>) => void;
}): CircleCIPagedQueryOptions<CommitSearchRound, CommitSearchTokens> {
  const { api, slugs, revision, branch, maxPages, onProgress } = options;
  return {
    queryKey: commitSearchKey({ revision, slugs, branch, maxPages }),
    initialPageParam: undefined,
    getNextPageParam: last => {
      const next = Object.entries(last).filter(([, r]) => r.nextPageToken);
      return next.length ? Object.fromEntries(next.map(([s, r]) => [s, r.nextPageToken!])) : undefined;
    },
    queryFn: async ({ pageParam, signal }) => {
      const todo = pageParam ? slugs.filter(s => pageParam[s.slug]) : slugs;
      const scanned: Record<string, number> = {};
      onProgress?.({});
      const answers = await Promise.all(
        todo.map(async projectSlug => {
          const result = await api.findPipelinesByRevision({
            projectSlug,
            revision,
            branch,
            maxPages,
            pageToken: pageParam?.[projectSlug.slug],
            signal,
            onProgress: p => {
              scanned[projectSlug.slug] = p.pipelinesScanned;
              onProgress?.({ ...scanned });
            },
          });
          return [projectSlug.slug, result] as const;
        }),
      );
      return Object.fromEntries(answers);
    },
  };
}
