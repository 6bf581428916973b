import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import type { WorkflowScope } from '../../../domain/workflowScope';
import type { PipelineWorkflows } from '../../../domain/pipelineSummaries';
import { ScopedSummaries, scopedSummaries } from '../../../domain/scopedSummaries';
import { usePipelineWorkflows } from '../../../hooks/usePipelineWorkflows';

/** What {@link useScopedSummaries} returns. */
export interface ScopedSummariesState extends ScopedSummaries {
  /** True while some read pipeline's workflows run and are polled. */
  live: boolean;
}

/**
 * The pipelines a card shows, with their workflows (see `scopedSummaries`):
 * the workflows of the first `want` pipelines are requested in the first
 * render, and, with a scope, those of one further pipeline for each one
 * that turns out hidden.
 */
export function useScopedSummaries(options: {
  pipelines: readonly Pipeline[] | undefined;
  scope?: WorkflowScope;
  want: number;
}): ScopedSummariesState {
  const { scope, want } = options;
  const pipelines = useMemo(() => options.pipelines ?? [], [options.pipelines]);
  // The window is chosen with the workflows known at the last render.
  const known = useRef<ReadonlyMap<string, PipelineWorkflows>>(new Map());
  const ids = scopedSummaries({ pipelines, results: known.current, scope, want }).ids;
  const { value: results, live } = usePipelineWorkflows({ pipelineIds: ids });
  const picked = useMemo(
    () => scopedSummaries({ pipelines, results, scope, want }),
    [pipelines, results, scope, want],
  );
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const stale = picked.ids.join(',') !== ids.join(',');
  useEffect(() => {
    known.current = results;
    if (stale) rerender();
  }, [results, stale]);
  return { ...picked, live };
}
