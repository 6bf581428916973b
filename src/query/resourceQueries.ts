/*
 * The queries of single CircleCI resources that the views share: a
 * project, a pipeline, the first page of a project's pipelines, a
 * project's pipeline definitions, a workflow and its jobs.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { CircleCIApi } from '../api/CircleCIApi';
import { collectPages } from '../api/pages';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import type { Pipeline, PipelineDefinition, Project, Workflow, WorkflowJob } from '@circleci-backstage/plugin-circleci-common';
import { jobsPollGroup, workflowsPollGroup } from '../domain/status';
import { type CircleCIQueryOptions, defineQuery } from './defineQuery';
import {
  pipelineDefinitionsKey,
  pipelineHeadKey,
  pipelineKey,
  projectKey,
  workflowJobsKey,
  workflowKey,
} from './keys';
import { WORKFLOW_JOB_PAGES } from './pageCaps';
import { rereadWhenBack, seedWorkflows } from './workflowQueries';

/**
 * A project (`GET v2/project/{slug}`), for its default branch. Read once
 * per page load: kept and never polled, as a default branch hardly ever
 * changes.
 */
export function projectQuery(options: { api: CircleCIApi; projectSlug: ProjectSlug }): CircleCIQueryOptions<Project> {
  const { api, projectSlug } = options;
  return defineQuery({
    queryKey: projectKey(projectSlug.slug),
    load: ({ signal }) => api.getProject({ projectSlug, signal }),
    staleTime: Infinity,
  });
}

/** One pipeline (for headers and breadcrumbs). */
export function pipelineQuery(options: { api: CircleCIApi; pipelineId: string }): CircleCIQueryOptions<Pipeline> {
  const { api, pipelineId } = options;
  return defineQuery({
    queryKey: pipelineKey(pipelineId),
    load: ({ signal }) => api.getPipeline({ pipelineId, signal }),
  });
}

/**
 * The first page of a project's pipelines (the newest 20), optionally of
 * one branch: one request, and, unlike the tab's paged list, no workflow
 * requests. In backend mode the one request is the aggregate, whose
 * workflows fill the pipelines' workflow queries, so a card then sends no
 * workflow request either. Not polled.
 */
export function pipelineHeadQuery(options: {
  api: CircleCIApi;
  queryClient: QueryClient;
  projectSlug: ProjectSlug;
  branch?: string;
}): CircleCIQueryOptions<Pipeline[]> {
  const { api, queryClient, projectSlug, branch } = options;
  return defineQuery({
    queryKey: pipelineHeadKey({ slug: projectSlug.slug, branch }),
    load: async ({ signal }) => {
      if (!api.listPipelinesWithWorkflows) return (await api.listPipelines({ projectSlug, branch, signal })).items;
      const page = await api.listPipelinesWithWorkflows({ projectSlug, branch, signal });
      seedWorkflows({ api, queryClient, items: page.items.filter(i => i.workflows) });
      return page.items.map(i => i.pipeline);
    },
  });
}

/** A project's pipeline definitions, by the project's id. */
export function pipelineDefinitionsQuery(options: {
  api: CircleCIApi;
  projectId: string;
}): CircleCIQueryOptions<PipelineDefinition[]> {
  const { api, projectId } = options;
  return defineQuery({
    queryKey: pipelineDefinitionsKey(projectId),
    load: ({ signal }) => api.listPipelineDefinitions({ projectId, signal }),
  });
}

/**
 * One workflow; polled while it runs, re-read when the user returns while
 * it only waits for an approval (see `rereadWhenBack`).
 */
export function workflowQuery(options: { api: CircleCIApi; workflowId: string }): CircleCIQueryOptions<Workflow> {
  const { api, workflowId } = options;
  return defineQuery({
    queryKey: workflowKey(workflowId),
    load: ({ signal }) => api.getWorkflow({ workflowId, signal }),
    isLive: wf => workflowsPollGroup([wf]) === 'running',
    signalled: true,
    ...rereadWhenBack<Workflow>(wf => workflowsPollGroup(wf && [wf]) === 'waiting'),
  });
}

/**
 * All jobs of a workflow (every page, at most {@link WORKFLOW_JOB_PAGES});
 * polled while any job runs, re-read when the user returns while the jobs
 * only wait for an approval.
 */
export function workflowJobsQuery(options: {
  api: CircleCIApi;
  workflowId: string;
}): CircleCIQueryOptions<WorkflowJob[]> {
  const { api, workflowId } = options;
  return defineQuery({
    queryKey: workflowJobsKey(workflowId),
    load: async ({ signal }) =>
      (
        await collectPages({
          max: WORKFLOW_JOB_PAGES,
          load: pageToken => api.listJobs({ workflowId, pageToken, signal }),
        })
      ).items,
    isLive: jobs => jobsPollGroup(jobs) === 'running',
    signalled: true,
    ...rereadWhenBack<WorkflowJob[]>(jobs => jobsPollGroup(jobs) === 'waiting'),
  });
}
