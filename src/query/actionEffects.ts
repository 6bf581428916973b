/*
 * What each action changed, as query keys: after an action only these are
 * re-read, so the page shows its effect without a refresh and without
 * reloading anything else.
 */
import type { QueryClient } from '@tanstack/react-query';
import { jobKey, projectPipelinesKey, workflowJobsKey, workflowKey, workflowsKey } from './keys';
import { keepFirstPipelinePage } from './pipelineQueries';

const quiet = (p: Promise<unknown>): void => {
  p.catch(() => undefined);
};

/** A workflow's status and jobs, and its pipeline's workflow list. */
export function afterWorkflowChange(options: {
  queryClient: QueryClient;
  workflowId: string;
  pipelineId: string;
}): void {
  const { queryClient, workflowId, pipelineId } = options;
  quiet(queryClient.invalidateQueries({ queryKey: workflowKey(workflowId), exact: true }));
  quiet(queryClient.invalidateQueries({ queryKey: workflowJobsKey(workflowId), exact: true }));
  quiet(queryClient.invalidateQueries({ queryKey: workflowsKey(pipelineId), exact: true }));
}

/** A rerun adds a workflow to its pipeline: only that pipeline's workflow list changes. */
export function afterRerun(options: { queryClient: QueryClient; pipelineId: string }): void {
  quiet(
    options.queryClient.invalidateQueries({ queryKey: workflowsKey(options.pipelineId), exact: true }),
  );
}

/** A job was canceled: the job, then its workflow as {@link afterWorkflowChange}. */
export function afterJobCancel(options: {
  queryClient: QueryClient;
  projectSlug: string;
  jobNumber: number;
  workflowId: string;
  pipelineId: string;
}): void {
  const { queryClient, projectSlug, jobNumber } = options;
  quiet(
    queryClient.invalidateQueries({
      queryKey: jobKey({ kind: 'job', projectSlug, jobNumber }),
      exact: true,
    }),
  );
  afterWorkflowChange(options);
}

/**
 * A pipeline was triggered: the project's pipeline lists start over from
 * their first page (which now has the new pipeline at the top); other
 * pipelines' workflows are not re-read.
 */
export function afterTrigger(options: { queryClient: QueryClient; projectSlug: string }): void {
  const { queryClient, projectSlug } = options;
  const queryKey = projectPipelinesKey(projectSlug);
  keepFirstPipelinePage({ queryClient, queryKey });
  quiet(queryClient.invalidateQueries({ queryKey }));
}
