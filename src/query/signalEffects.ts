/*
 * What a CircleCI signal names, as query keys: on a signal only these are
 * re-read (the observed ones; the others are marked stale), as after an
 * action (`actionEffects.ts`).
 *
 * - `workflow-completed` and `job-completed`: the workflow, its jobs and
 *   its pipeline's workflow list.
 * - `job-completed` also: the job and its steps (by job number).
 * - A pipeline list of the project (the tab's pages, the cards' first
 *   pages) only when the event names a pipeline newer than every pipeline
 *   it holds (or, without a pipeline number, one it does not hold): a new
 *   pipeline, which the list has not shown yet (CircleCI sends no
 *   "started" event). A workflow completing changes its pipeline's
 *   workflows, not the list.
 */
import type { InfiniteData, Query, QueryClient, QueryKey } from '@tanstack/react-query';
import type { CircleCISignal, Pipeline } from '@circleci-backstage/plugin-circleci-common';
import {
  jobKey,
  projectPipelineHeadsKey,
  projectPipelinesKey,
  workflowJobsKey,
  workflowKey,
  workflowsKey,
} from './keys';
import type { PipelineListPage } from './pipelineQueries';

/** A completion signal (not a probe's answer). */
export type CompletionSignal = Exclude<CircleCISignal, { kind: 'probe' }>;

/** The pipelines a list query holds: the tab's pages, or a card's first page. */
function pipelinesOf(query: Query): Pipeline[] {
  const data = query.state.data as InfiniteData<PipelineListPage> | Pipeline[] | undefined;
  if (!data) return [];
  if (Array.isArray(data)) return data;
  return data.pages.flatMap(page => page.items);
}

/** True when the list does not show the signal's pipeline and should (a new pipeline). */
function listLacks(options: { query: Query; signal: CompletionSignal }): boolean {
  const { query, signal } = options;
  const pipelines = pipelinesOf(query);
  if (pipelines.some(p => p.id === signal.pipelineId)) return false;
  if (signal.pipelineNumber === undefined || pipelines.length === 0) return true;
  return pipelines.every(p => p.number < signal.pipelineNumber!);
}

/** One invalidation: an exact key, or the queries under a prefix that pass `predicate`. */
export interface SignalRead {
  queryKey: QueryKey;
  exact?: boolean;
  predicate?: (query: Query) => boolean;
}

/**
 * The reads a signal names for the project written `slugs` (the slug
 * texts its views use, e.g. `gh/acme/rocket`; the channel joins them).
 */
export function readsNamedBy(options: { signal: CompletionSignal; slugs: readonly string[] }): SignalRead[] {
  const { signal, slugs } = options;
  const reads: SignalRead[] = [
    { queryKey: workflowKey(signal.workflowId), exact: true },
    { queryKey: workflowJobsKey(signal.workflowId), exact: true },
    { queryKey: workflowsKey(signal.pipelineId), exact: true },
  ];
  for (const slug of slugs) {
    if (signal.kind === 'job-completed' && signal.jobNumber !== undefined) {
      const { jobNumber } = signal;
      reads.push({ queryKey: jobKey({ kind: 'job', projectSlug: slug, jobNumber }), exact: true });
      reads.push({ queryKey: jobKey({ kind: 'job-steps', projectSlug: slug, jobNumber }), exact: true });
    }
    const predicate = (query: Query) => listLacks({ query, signal });
    reads.push({ queryKey: projectPipelinesKey(slug), predicate });
    reads.push({ queryKey: projectPipelineHeadsKey(slug), predicate });
  }
  return reads;
}

/**
 * Re-reads what the signals name, each query at most once however many
 * signals name it: the observed queries are read again, the others marked
 * stale.
 */
export function afterSignals(options: {
  queryClient: QueryClient;
  signals: readonly CompletionSignal[];
  slugs: readonly string[];
}): void {
  const { queryClient, signals, slugs } = options;
  const cache = queryClient.getQueryCache();
  const chosen = new Set<Query>();
  for (const signal of signals) {
    for (const read of readsNamedBy({ signal, slugs })) {
      for (const query of cache.findAll({ queryKey: read.queryKey, exact: read.exact })) {
        if (!read.predicate || read.predicate(query)) chosen.add(query);
      }
    }
  }
  if (chosen.size === 0) return;
  queryClient.invalidateQueries({ predicate: query => chosen.has(query) }).catch(() => undefined);
}
