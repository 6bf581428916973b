import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { PipelineWorkflows } from '../domain/pipelineSummaries';
import { type ResourceState } from '../query/useCircleCIQuery';
import { useCircleCIQueries } from '../query/useCircleCIQueries';
import { useCircleCIQueryClient } from '../query/useCircleCIQueryClient';
import { usePageVisible } from '../query/usePageVisible';
import { releaseWorkflows, workflowsQuery } from '../query/workflowQueries';

/**
 * What {@link usePipelineWorkflows} returns. `value` holds the workflows of
 * each pipeline loaded so far, by pipeline id (a pipeline's failure is in
 * its entry); an entry keeps its object while its data is unchanged, so
 * memoised rows render only when their own pipeline changed. `live` is
 * true while some pipeline has running or queued workflows, re-read on a
 * timer, and `updatedAt` is when a pipeline's workflows last arrived.
 */
export interface PipelineWorkflowsState extends ResourceState<ReadonlyMap<string, PipelineWorkflows>> {
  /** The workflows of each pipeline loaded so far, by pipeline id. */
  value: ReadonlyMap<string, PipelineWorkflows>;
}

/**
 * Loads the workflows of each given pipeline, at most
 * `WORKFLOW_CONCURRENCY` requests at once, in the given order (none for
 * pipelines whose workflows came with their page, in backend mode: see
 * `seedWorkflows`). A pipeline is read once, then, while the page is visible, pipelines with running or
 * queued workflows are re-read about every 10 s, and pipelines whose only
 * unfinished work waits for an approval are re-read when the user returns
 * to the page. Requests nobody waits for are cancelled on unmount.
 */
export function usePipelineWorkflows(options: { pipelineIds: readonly string[] }): PipelineWorkflowsState {
  const idsKey = options.pipelineIds.join(',');
  const ids = useMemo(() => (idsKey ? idsKey.split(',') : []), [idsKey]);
  const { queryClient } = useCircleCIQueryClient();
  const states = useCircleCIQueries({
    queries: context => ids.map(pipelineId => workflowsQuery({ ...context, pipelineId })),
  });
  useEffect(
    () => () => queueMicrotask(() => releaseWorkflows(queryClient)),
    [queryClient],
  );

  // An entry keeps its object while its data and error are unchanged.
  const entries = useRef(new Map<string, PipelineWorkflows>());
  const value = useMemo(() => {
    const next = new Map<string, PipelineWorkflows>();
    states.forEach((state, i) => {
      const { value: workflows, error } = state;
      if (workflows === undefined && !error) return;
      const before = entries.current.get(ids[i]);
      next.set(
        ids[i],
        before && before.workflows === workflows && before.error === error ? before : { workflows, error },
      );
    });
    entries.current = next;
    return next as ReadonlyMap<string, PipelineWorkflows>;
  }, [ids, states]);

  const refresh = useCallback(() => states.forEach(s => s.refresh()), [states]);
  const pageVisible = usePageVisible();
  const running = states.some(s => s.live);
  const updatedAt = Math.max(0, ...states.map(s => s.updatedAt ?? 0)) || undefined;
  return {
    value,
    loading: states.some(s => s.loading),
    live: running && pageVisible,
    updatedAt,
    refresh,
  };
}
