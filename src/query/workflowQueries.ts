/*
 * The query behind a pipeline's workflows, shared by the pipelines list
 * (which starts these queries as soon as a page of pipelines arrives) and
 * `usePipelineWorkflows` (which observes them).
 */
import type { Query, QueryClient, QueryKey, UseQueryOptions } from '@tanstack/react-query';
import type { CircleCIApi } from '../api/CircleCIApi';
import { collectPages } from '../api/pages';
import type { Workflow } from '../common/types';
import { workflowsPollGroup } from '../domain/status';
import { workflowsKey } from './keys';
import { pollInterval, recordOutcome } from './pollRule';
import { FRESH_MS } from './queryClient';
import { RequestGate } from './requestGate';

/**
 * At most this many workflow requests are in flight at once: twice the
 * browser's 6 connections per host. The browser holds the extra ones and
 * sends each the moment a connection frees, without waiting for the page's
 * main thread, which may be busy rendering the answers before.
 */
export const WORKFLOW_CONCURRENCY = 12;
/** The most pages of one pipeline's workflows that are read. */
export const MAX_WORKFLOW_PAGES = 5;
/**
 * Work that only waits for an approval is re-read when the user returns to
 * the page, at most this often.
 */
export const WAITING_REREAD_MS = 10_000;

const gates = new WeakMap<QueryClient, RequestGate>();

function gateOf(queryClient: QueryClient): RequestGate {
  let gate = gates.get(queryClient);
  if (!gate) {
    gate = new RequestGate({ concurrency: WORKFLOW_CONCURRENCY });
    gates.set(queryClient, gate);
  }
  return gate;
}

/** Options of {@link workflowsQuery}. */
export interface WorkflowsQueryOptions {
  api: CircleCIApi;
  queryClient: QueryClient;
  pipelineId: string;
}

/**
 * The query of one pipeline's workflows (every page, within a bound): sent
 * through the gate, polled while some workflow runs or is queued, and, when
 * the only unfinished work waits for an approval, re-read on the user's
 * return instead of on a timer.
 */
export function workflowsQuery(
  options: WorkflowsQueryOptions,
): UseQueryOptions<Workflow[], Error, Workflow[], QueryKey> {
  const { api, queryClient, pipelineId } = options;
  return {
    queryKey: workflowsKey(pipelineId),
    queryFn: async ({ signal, queryKey }) => {
      const query = queryClient.getQueryCache().find({ queryKey, exact: true });
      try {
        const { items } = await gateOf(queryClient).run({
          signal,
          send: () =>
            collectPages({
              max: MAX_WORKFLOW_PAGES,
              load: pageToken => api.listWorkflows({ pipelineId, pageToken, signal }),
            }),
        });
        if (query) recordOutcome({ query, failed: false });
        return items;
      } catch (error) {
        if (query && !signal.aborted) recordOutcome({ query, failed: true });
        throw error;
      }
    },
    // A request started ahead of the rows may fail before they mount: its
    // error is the answer for that view (a later view starts afresh, see
    // `releaseWorkflows`).
    retryOnMount: false,
    refetchInterval: pollInterval(wfs => workflowsPollGroup(wfs) === 'running'),
    refetchOnWindowFocus: query => workflowsPollGroup(query.state.data) === 'waiting',
    staleTime: query =>
      workflowsPollGroup(query.state.data) === 'waiting' ? WAITING_REREAD_MS : FRESH_MS,
  };
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
