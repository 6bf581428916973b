/*
 * The read endpoints of pipelines, workflows and jobs.
 */
import type { z } from 'zod';
import type {
  GetPipelineOptions,
  GetProjectOptions,
  GetStepOutputOptions,
  GetWorkflowOptions,
  JobRef,
  ListJobsOptions,
  ListMyPipelinesOptions,
  ListPipelinesOptions,
  ListTestsOptions,
  ListWorkflowsOptions,
  RequestOptions,
} from '../options/requestOptions';
import {
  artifactSchema,
  currentUserSchema,
  jobDetailsSchema,
  jobStepsSchema,
  pageSchema,
  pipelineSchema,
  projectSchema,
  testResultSchema,
  workflowJobSchema,
  workflowSchema,
} from '../schemas';
import { defineEndpoint } from './define';
import { liveWhileUnfinished } from './lifetimes';
import { pagedQuery, toPage } from './pages';

const slug = { projectSlug: 'slug' } as const;
const job = { projectSlug: 'slug', jobNumber: 'number' } as const;

/**
 * The read endpoints of pipelines, workflows and jobs.
 * @public
 */
export const READ_ENDPOINTS = {
  listPipelines: defineEndpoint({
    about: 'the pipelines of a project',
    method: 'GET',
    path: 'v2/project/{projectSlug}/pipeline',
    params: slug,
    query: { branch: (o: ListPipelinesOptions) => o.branch, ...pagedQuery<ListPipelinesOptions>() },
    schema: pageSchema(pipelineSchema),
    read: toPage,
    paging: { cap: 10, collect: false },
    lifetime: 'list',
  }),
  listMyPipelines: defineEndpoint({
    about: 'your pipelines of a project',
    method: 'GET',
    path: 'v2/project/{projectSlug}/pipeline/mine',
    params: slug,
    query: pagedQuery<ListMyPipelinesOptions>(),
    schema: pageSchema(pipelineSchema),
    read: toPage,
    paging: { cap: 10, collect: false },
    lifetime: 'list',
  }),
  getProject: defineEndpoint<GetProjectOptions, z.output<typeof projectSchema>>({
    about: 'a project',
    method: 'GET',
    path: 'v2/project/{projectSlug}',
    params: slug,
    schema: projectSchema,
    lifetime: 'slow',
  }),
  getPipeline: defineEndpoint<GetPipelineOptions, z.output<typeof pipelineSchema>>({
    about: 'a pipeline',
    method: 'GET',
    path: 'v2/pipeline/{pipelineId}',
    params: { pipelineId: 'uuid' },
    schema: pipelineSchema,
    lifetime: p => (p.state === 'created' || p.state === 'errored' ? 'final' : 'live'),
  }),
  listWorkflows: defineEndpoint({
    about: 'the workflows of a pipeline',
    method: 'GET',
    path: 'v2/pipeline/{pipelineId}/workflow',
    params: { pipelineId: 'uuid' },
    query: pagedQuery<ListWorkflowsOptions>(),
    schema: pageSchema(workflowSchema),
    read: toPage,
    paging: { cap: 5, collect: false },
    // A rerun adds a workflow to a finished pipeline: a list, never final.
    lifetime: page => liveWhileUnfinished({ statuses: page.items.map(w => w.status), whenDone: 'list' }),
  }),
  getWorkflow: defineEndpoint<GetWorkflowOptions, z.output<typeof workflowSchema>>({
    about: 'a workflow',
    method: 'GET',
    path: 'v2/workflow/{workflowId}',
    params: { workflowId: 'uuid' },
    schema: workflowSchema,
    lifetime: w => liveWhileUnfinished({ statuses: [w.status], whenDone: 'final' }),
  }),
  listJobs: defineEndpoint({
    about: 'the jobs of a workflow',
    method: 'GET',
    path: 'v2/workflow/{workflowId}/job',
    params: { workflowId: 'uuid' },
    query: pagedQuery<ListJobsOptions>(),
    schema: pageSchema(workflowJobSchema),
    read: toPage,
    paging: { cap: 10, collect: false },
    lifetime: page => liveWhileUnfinished({ statuses: page.items.map(j => j.status), whenDone: 'final' }),
  }),
  getJob: defineEndpoint<JobRef, z.output<typeof jobDetailsSchema>>({
    about: 'a job',
    method: 'GET',
    path: 'v2/project/{projectSlug}/job/{jobNumber}',
    params: job,
    schema: jobDetailsSchema,
    lifetime: j => liveWhileUnfinished({ statuses: [j.status], whenDone: 'final' }),
  }),
  listTests: defineEndpoint({
    about: 'the test results of a job',
    method: 'GET',
    path: 'v2/project/{projectSlug}/{jobNumber}/tests',
    params: job,
    query: pagedQuery<ListTestsOptions>(),
    schema: pageSchema(testResultSchema),
    read: toPage,
    paging: { cap: 20, collect: false },
    // Results arrive when the job ends: an empty list may still fill.
    lifetime: page => (page.items.length > 0 ? 'final' : 'list'),
  }),
  listArtifacts: defineEndpoint({
    about: 'the artifacts of a job',
    method: 'GET',
    path: 'v2/project/{projectSlug}/{jobNumber}/artifacts',
    params: job,
    query: pagedQuery<JobRef & { pageToken?: string }>(),
    schema: pageSchema(artifactSchema),
    read: toPage,
    paging: { cap: 20, collect: 'page' },
    lifetime: page => (page.items.length > 0 ? 'final' : 'list'),
  }),
  getJobSteps: defineEndpoint<JobRef, z.output<typeof jobStepsSchema>>({
    about: 'the steps of a job',
    method: 'GET',
    path: 'v1.1/project/{projectSlug}/{jobNumber}',
    params: { projectSlug: 'v1slug', jobNumber: 'number' },
    schema: jobStepsSchema,
    lifetime: s => liveWhileUnfinished({ statuses: [s.status], whenDone: 'final' }),
  }),
  getStepOutput: defineEndpoint<GetStepOutputOptions, string>({
    about: 'the output of a step',
    method: 'GET',
    path: 'private/output/raw/{projectSlug}/{jobNumber}/output/{containerIndex}/{stepNumber}',
    params: { ...job, containerIndex: 'number', stepNumber: 'number' },
    // Plain text: whether the step still runs is told by its job's steps.
    lifetime: 'live',
  }),
  getMe: defineEndpoint<RequestOptions | undefined, z.output<typeof currentUserSchema>>({
    about: 'the token’s user',
    method: 'GET',
    path: 'v2/me',
    params: {},
    schema: currentUserSchema,
    lifetime: 'slow',
  }),
};
