import { useMemo } from 'react';
import type { ProjectSlug } from '../domain/slug';
import { PipelineSummary, summariesOf } from './pipelineSummaries';
import { usePipelineHead } from './usePipelineHead';
import { usePipelineWorkflows } from './usePipelineWorkflows';

/** Options of {@link useRecentPipelines}. */
export interface UseRecentPipelinesOptions {
  /** The project. */
  projectSlug: ProjectSlug;
  /** Only this branch's pipelines; all branches when undefined. */
  branch?: string;
  /** How many pipelines, newest first (at most 20, one page). */
  limit: number;
}

/** What {@link useRecentPipelines} returns. */
export interface RecentPipelinesState {
  /** The newest `limit` pipelines with their workflows; undefined while the list loads. */
  summaries?: PipelineSummary[];
  /** Why the pipeline list could not be read. */
  error?: Error;
  /** True while some shown pipeline's workflows run and are polled. */
  live: boolean;
  /** Reads the pipeline list again. */
  retry: () => void;
}

/**
 * The newest `limit` pipelines of a project (optionally of one branch),
 * each with its workflows: one pipeline list request, then one workflow
 * list per pipeline shown, none for the rest of the page. Workflows are
 * polled while they run or are queued, with the tab's rules.
 */
export function useRecentPipelines(options: UseRecentPipelinesOptions): RecentPipelinesState {
  const { projectSlug, branch, limit } = options;
  const head = usePipelineHead({ projectSlug, branch });
  const shown = useMemo(() => head.value?.slice(0, limit), [head.value, limit]);
  const ids = useMemo(() => shown?.map(p => p.id) ?? [], [shown]);
  const { results, live } = usePipelineWorkflows({ pipelineIds: ids });
  const summaries = useMemo(
    () => (shown ? summariesOf({ pipelines: shown, results }) : undefined),
    [shown, results],
  );
  return { summaries, error: head.error, live, retry: head.refresh };
}
