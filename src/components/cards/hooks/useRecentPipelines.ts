import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import type { WorkflowScope } from '../../../domain/workflowScope';
import type { PipelineSummary } from '../../../domain/pipelineSummaries';
import { useScopedSummaries } from './useScopedSummaries';
import { usePipelineHead } from './usePipelineHead';

/** Options of {@link useRecentPipelines}. */
export interface UseRecentPipelinesOptions {
  /** The project. */
  projectSlug: ProjectSlug;
  /** Only this branch's pipelines; all branches when undefined. */
  branch?: string;
  /** How many pipelines, newest first (at most 20, one page). */
  limit: number;
  /** The entity's workflows (`circleci.com/workflows`): only pipelines with one of them, showing only those. */
  scope?: WorkflowScope;
}

/** What {@link useRecentPipelines} returns. */
export interface RecentPipelinesState {
  /** The newest `limit` pipelines with their workflows; undefined while the list loads. */
  summaries?: PipelineSummary[];
  /** Why the pipeline list could not be read. */
  error?: Error;
  /** With a scope: pipelines read and hidden because they have none of its workflows. */
  hidden: number;
  /** True while some shown pipeline's workflows run and are polled. */
  live: boolean;
  /** Reads the pipeline list again. */
  retry: () => void;
}

/**
 * The newest `limit` pipelines of a project (optionally of one branch),
 * each with its workflows: one pipeline list request, then one workflow
 * list per pipeline shown, none for the rest of the page. Workflows are
 * polled while they run or are queued, with the tab's rules. With a
 * workflow scope, pipelines without one of its workflows are skipped (and
 * counted), and further pipelines of the page are read in their place.
 */
export function useRecentPipelines(options: UseRecentPipelinesOptions): RecentPipelinesState {
  const { projectSlug, branch, limit, scope } = options;
  const head = usePipelineHead({ projectSlug, branch });
  const picked = useScopedSummaries({ pipelines: head.value, scope, want: limit });
  const { live } = picked;
  return {
    summaries: head.value ? picked.summaries : undefined,
    error: head.error,
    hidden: picked.hidden,
    live,
    retry: head.refresh,
  };
}
