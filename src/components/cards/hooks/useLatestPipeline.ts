import { useCallback } from 'react';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import type { WorkflowScope } from '../../../domain/workflowScope';
import type { PipelineSummary } from '../../../domain/pipelineSummaries';
import { useScopedSummaries } from './useScopedSummaries';
import { usePipelineHead } from './usePipelineHead';
import { useProject } from '../../../hooks/useProject';

/** Options of {@link useLatestPipeline}. */
export interface UseLatestPipelineOptions {
  /** The project. */
  projectSlug: ProjectSlug;
  /** The branch; the project's default branch when undefined. */
  branch?: string;
  /** The entity's workflows (`circleci.com/workflows`): the newest pipeline with one of them, showing only those. */
  scope?: WorkflowScope;
}

/** What {@link useLatestPipeline} returns. */
export interface LatestPipelineState {
  /** The branch shown: the given one, or the default branch once known. */
  branch?: string;
  /** The newest pipeline of the branch with its workflows; undefined while loading or when there is none. */
  latest?: PipelineSummary;
  /** True once the branch is known to have no pipeline. */
  empty: boolean;
  /** With a scope: newer pipelines hidden because they have none of its workflows. */
  hidden: number;
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
 * With a workflow scope, the pipelines of the first page are read one by
 * one until one has a workflow of the scope; the newer ones are counted
 * as hidden.
 */
export function useLatestPipeline(options: UseLatestPipelineOptions): LatestPipelineState {
  const { projectSlug } = options;
  const project = useProject({ projectSlug, enabled: options.branch === undefined });
  const branch = options.branch ?? project.value?.vcs_info.default_branch;
  const head = usePipelineHead({ projectSlug, branch, enabled: branch !== undefined });
  const picked = useScopedSummaries({ pipelines: head.value, scope: options.scope, want: 1 });
  const { live } = picked;
  const latest = picked.summaries[0];
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
    hidden: picked.hidden,
    error,
    loading: !error && head.value === undefined,
    live,
    retry,
  };
}
