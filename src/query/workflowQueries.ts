/*
 * The query behind a pipeline's workflows, shared by the pipelines list
 * (which starts these queries as soon as a page of pipelines arrives, or,
 * in backend mode, fills them from the page's aggregate answer) and
 * `usePipelineWorkflows` (which observes them).
 */
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import type { CircleCIApi } from '../api/CircleCIApi';
import { collectPages } from '../api/pages';
import type { Workflow } from '@circleci-backstage/plugin-circleci-common';
import type { PipelineWithWorkflows } from '../api/pipelinesWithWorkflows';
import { workflowsPollGroup } from '../domain/status';
import { type CircleCIQueryOptions, defineQuery } from './defineQuery';
import { workflowsKey } from './keys';
import { PIPELINE_WORKFLOW_PAGES } from './pageCaps';
import { FRESH_MS } from './queryClient';
import { gateOf, type RequestGate } from './requestGate';

/**
 * At most this many workflow requests are in flight at once: twice the
 * browser's 6 connections per host. The browser holds the extra ones and
 * sends each the moment a connection frees, without waiting for the page's
 * main thread, which may be busy rendering the answers before.
 */
export const WORKFLOW_CONCURRENCY = 12;
/**
 * Work that only waits for an approval is re-read when the user returns to
 * the page, at most this often.
 */
export const WAITING_REREAD_MS = 10_000;

/**
 * The re-read rule of work that only waits for a person (an approval on
 * hold): no timer; it is read again when the user returns to the page
 * (visibilitychange), at most every {@link WAITING_REREAD_MS}. Spread into
 * a query whose `isLive` is false while `waiting` holds.
 */
export function rereadWhenBack<T>(waiting: (value: T | undefined) => boolean): {
  refetchOnWindowFocus: (query: Query<T, Error, T, QueryKey>) => boolean;
  staleTime: (query: Query<T, Error, T, QueryKey>) => number;
} {
  return {
    refetchOnWindowFocus: query => waiting(query.state.data),
    staleTime: query => (waiting(query.state.data) ? WAITING_REREAD_MS : FRESH_MS),
  };
}

/** The gate of the workflow requests of `queryClient`. */
function workflowsGate(queryClient: QueryClient): RequestGate {
  return gateOf({ owner: queryClient, name: 'workflows', concurrency: WORKFLOW_CONCURRENCY });
}

/** Options of {@link workflowsQuery}. */
export interface WorkflowsQueryOptions {
  /** The app's CircleCI API. */
  api: CircleCIApi;
  /** The plugin's query client (its gate holds the requests). */
  queryClient: QueryClient;
  /** The pipeline. */
  pipelineId: string;
}

/**
 * The query of one pipeline's workflows (every page, within a bound): sent
 * through the gate, polled while some workflow runs or is queued, and, when
 * the only unfinished work waits for an approval, re-read on the user's
 * return instead of on a timer.
 */
export function workflowsQuery(options: WorkflowsQueryOptions): CircleCIQueryOptions<Workflow[]> {
  const { api, queryClient, pipelineId } = options;
  return defineQuery({
    queryKey: workflowsKey(pipelineId),
    load: async ({ signal }) =>
      (
        await workflowsGate(queryClient).run({
          signal,
          send: () =>
            collectPages({
              max: PIPELINE_WORKFLOW_PAGES,
              load: pageToken => api.listWorkflows({ pipelineId, pageToken, signal }),
            }),
        })
      ).items,
    // A request started ahead of the rows may fail before they mount: its
    // error is the answer for that view (a later view starts afresh, see
    // `releaseWorkflows`).
    retryOnMount: false,
    isLive: wfs => workflowsPollGroup(wfs) === 'running',
    signalled: true,
    refetchOnWindowFocus: query => workflowsPollGroup(query.state.data) === 'waiting',
    staleTime: query =>
      workflowsPollGroup(query.state.data) === 'waiting' ? WAITING_REREAD_MS : FRESH_MS,
  });
}

/** Starts the workflow queries of these pipelines, unless they are fresh or running. */
export function prefetchWorkflows(options: {
  api: CircleCIApi;
  queryClient: QueryClient;
  pipelineIds: readonly string[];
}): void {
  const { api, queryClient, pipelineIds } = options;
  for (const pipelineId of pipelineIds) {
    queryClient
      .prefetchQuery(workflowsQuery({ api, queryClient, pipelineId }))
      .catch(() => undefined);
  }
}

/**
 * Fills the workflow queries of the pipelines of an aggregate page (backend
 * mode) with the workflows that came with them, as if each query had just
 * read them: the rows then send no workflow request, and running ones are
 * polled as usual (through the backend's cache). Pipelines whose workflows
 * did not come (`null`) get their query started instead.
 */
export function seedWorkflows(options: {
  api: CircleCIApi;
  queryClient: QueryClient;
  items: readonly PipelineWithWorkflows[];
}): void {
  const { api, queryClient, items } = options;
  const updatedAt = Date.now();
  const missing: string[] = [];
  for (const { pipeline, workflows } of items) {
    if (workflows) queryClient.setQueryData<Workflow[]>(workflowsKey(pipeline.id), workflows, { updatedAt });
    else missing.push(pipeline.id);
  }
  if (missing.length) prefetchWorkflows({ api, queryClient, pipelineIds: missing });
}

/**
 * What a pipelines view leaves behind when it unmounts: workflow requests
 * nobody observes any more (started ahead of the rows) are cancelled, and
 * errors without data are forgotten, so the next view asks again.
 */
export function releaseWorkflows(queryClient: QueryClient): void {
  const unobserved = (q: Query) => q.getObserversCount() === 0;
  queryClient
    .cancelQueries({
      queryKey: workflowsKey(),
      predicate: q => unobserved(q) && q.state.fetchStatus !== 'idle',
    })
    .catch(() => undefined);
  queryClient.removeQueries({
    queryKey: workflowsKey(),
    predicate: q => unobserved(q) && q.state.status === 'error' && q.state.data === undefined,
  });
}
