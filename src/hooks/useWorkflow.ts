import { isActiveStatus, normalizeStatus } from '../domain/status';
import type { Pipeline, Workflow, WorkflowJob } from '../api/types';
import { ResourceState, useResource } from './useResource';

const MAX_JOB_PAGES = 10;

/** True while a workflow (or job) status may still change. */
function activeStatus(status: string): boolean {
  return isActiveStatus(normalizeStatus(status));
}

/**
 * Loads one workflow; polled while it runs.
 * @public
 */
export function useWorkflow(options: { workflowId: string }): ResourceState<Workflow> {
  return useResource({
    key: `workflow:${options.workflowId}:`,
    load: (api, signal) => api.getWorkflow({ workflowId: options.workflowId, signal }),
    isLive: wf => activeStatus(wf.status),
  });
}

/**
 * Loads all jobs of a workflow (every page); polled while any job is active.
 * @public
 */
export function useWorkflowJobs(options: { workflowId: string }): ResourceState<WorkflowJob[]> {
  return useResource({
    key: `workflow-jobs:${options.workflowId}:`,
    load: async (api, signal) => {
      const jobs: WorkflowJob[] = [];
      let pageToken: string | undefined;
      for (let i = 0; i < MAX_JOB_PAGES; i++) {
        const page = await api.listJobs({ workflowId: options.workflowId, pageToken, signal });
        jobs.push(...page.items);
        pageToken = page.nextPageToken;
        if (!pageToken) break;
      }
      return jobs;
    },
    isLive: jobs => jobs.some(j => activeStatus(j.status)),
  });
}

/**
 * Loads one pipeline (for headers and breadcrumbs). Skipped while the id is
 * not known yet.
 * @public
 */
export function usePipeline(options: { pipelineId: string | undefined }): ResourceState<Pipeline> {
  const { pipelineId } = options;
  return useResource({
    key: pipelineId ? `pipeline:${pipelineId}:` : undefined,
    load: (api, signal) => api.getPipeline({ pipelineId: pipelineId!, signal }),
  });
}
