import { useCallback, useMemo } from 'react';
import type { ProjectSlug } from '../domain/slug';
import { PipelineSummary, summariesOf } from './pipelineSummaries';
import { usePipelineHead } from './usePipelineHead';
import { usePipelineWorkflows } from './usePipelineWorkflows';
import { useProject } from './useProject';

/** Options of {@link useLatestPipeline}. */
export interface UseLatestPipelineOptions {
  /** The project. */
  projectSlug: ProjectSlug;
  /** The branch; the project's default branch when undefined. */
  branch?: string;
}

/** What {@link useLatestPipeline} returns. */
export interface LatestPipelineState {
  /** The branch shown: the given one, or the default branch once known. */
  branch?: string;
  /** The newest pipeline of the branch with its workflows; undefined while loading or when there is none. */
  latest?: PipelineSummary;
  /** True once the branch is known to have no pipeline. */
  empty: boolean;
  /** Why the project or the pipeline list could not be read. */
  error?: Error;
  /** True while the project or the pipeline list loads. */
  loading: boolean;
  /** True while the pipeline's workflows run and are polled. */
  live: boolean;
  /** Reads again whatever failed. */
  retry: () => void;
}

/**
 * The newest pipeline of a branch (by default the project's default
 * branch) with its workflows: exactly one project request (none when the
 * branch is given), one pipeline list of that branch and one workflow list
 * of the newest pipeline. The workflows are polled while they run or are
 * queued, with the tab's rules (`workflowQueries.ts`); nothing else is.
 */
export function useLatestPipeline(options: UseLatestPipelineOptions): LatestPipelineState {
  const { projectSlug } = options;
  const project = useProject({ projectSlug, enabled: options.branch === undefined });
  const branch = options.branch ?? project.value?.vcs_info.default_branch;
  const head = usePipelineHead({ projectSlug, branch, enabled: branch !== undefined });
  const newest = head.value?.[0];
  const ids = useMemo(() => (newest ? [newest.id] : []), [newest]);
  const { results, live } = usePipelineWorkflows({ pipelineIds: ids });
  const latest = useMemo(
    () => (newest ? summariesOf({ pipelines: [newest], results })[0] : undefined),
    [newest, results],
  );
  const error = project.error ?? head.error;
  const { refresh: refreshProject } = project;
  const { refresh: refreshHead } = head;
  const projectFailed = Boolean(project.error);
  const retry = useCallback(
    () => (projectFailed ? refreshProject() : refreshHead()),
    [projectFailed, refreshProject, refreshHead],
  );
  return {
    branch,
    latest,
    empty: head.value !== undefined && head.value.length === 0,
    error,
    loading: !error && head.value === undefined,
    live,
    retry,
  };
}
