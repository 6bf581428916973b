import { useEffect, useMemo, useRef } from 'react';
import type { Workflow } from '../common/types';
import { workflowsPollGroup } from '../domain/status';
import { useCircleCIQueryClient } from '../query/useCircleCIQueryClient';
import { useBatchedQueries } from '../query/useBatchedQueries';
import { usePageVisible } from '../query/usePageVisible';
import { releaseWorkflows, workflowsQuery } from '../query/workflowQueries';

/** The workflows of one pipeline, or why they could not be loaded. */
export interface PipelineWorkflows {
  /** The workflows, also while a failed re-read is shown in `error`. */
  workflows?: Workflow[];
  /** The error of the last read. */
  error?: Error;
}

/** What {@link usePipelineWorkflows} returns. */
export interface PipelineWorkflowsState {
  /**
   * The workflows of each pipeline loaded so far, by pipeline id. An entry
   * keeps its object while its data is unchanged, so memoised rows render
   * only when their own pipeline changed.
   */
  results: ReadonlyMap<string, PipelineWorkflows>;
  /** True while some pipeline has running or queued workflows, re-read on a timer. */
  live: boolean;
  /** When a pipeline's workflows last arrived (ms since epoch). */
  updatedAt?: number;
}

/**
 * Loads the workflows of each given pipeline, at most
 * `WORKFLOW_CONCURRENCY` requests at once, in the given order. A pipeline
 * is read once, then, while the page is visible, pipelines with running or
 * queued workflows are re-read about every 10 s, and pipelines whose only
 * unfinished work waits for an approval are re-read when the user returns
 * to the page. Requests nobody waits for are cancelled on unmount.
 */
export function usePipelineWorkflows(options: {
  pipelineIds: readonly string[];
}): PipelineWorkflowsState {
  const { pipelineIds } = options;
  const { api, queryClient } = useCircleCIQueryClient();
  const idsKey = pipelineIds.join(',');
  const queries = useMemo(
    () =>
      (idsKey ? idsKey.split(',') : []).map(pipelineId =>
        queryClient.defaultQueryOptions(workflowsQuery({ api, queryClient, pipelineId })),
      ),
    [api, queryClient, idsKey],
  );
  const queryResults = useBatchedQueries({ queryClient, queries });
  useEffect(
    () => () => queueMicrotask(() => releaseWorkflows(queryClient)),
    [queryClient],
  );

  // An entry keeps its object while its data and error are unchanged.
  const entries = useRef(new Map<string, PipelineWorkflows>());
  const results = useMemo(() => {
    const next = new Map<string, PipelineWorkflows>();
    queries.forEach((q, i) => {
      const id = String(q.queryKey[2]);
      const { data, error } = queryResults[i] ?? {};
      if (data === undefined && !error) return;
      const before = entries.current.get(id);
      next.set(
        id,
        before && before.workflows === data && before.error === (error ?? undefined)
          ? before
          : { workflows: data, error: error ?? undefined },
      );
    });
    entries.current = next;
    return next as ReadonlyMap<string, PipelineWorkflows>;
  }, [queries, queryResults]);

  const pageVisible = usePageVisible();
  const running = queryResults.some(q => workflowsPollGroup(q.data) === 'running');
  const updatedAt = Math.max(0, ...queryResults.map(q => q.dataUpdatedAt)) || undefined;
  return { results, live: running && pageVisible, updatedAt };
}
