/*
 * `circleci:get-failure-logs`: why a pipeline, workflow or job failed — the
 * failing steps of its failed jobs with the last lines of their output,
 * ANSI removed, at most 20 KB in all, each with a link to the job.
 */
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { CallerCredentials, RouteContext } from '../routes/context';
import { callerOf, readJson, slugOf } from './access';
import { ActionError, named } from './errors';
import {
  failedStepsOf,
  isFailedJob,
  jobLink,
  LogBudget,
  MAX_FAILED_JOBS,
  MAX_LOG_BYTES,
  type FailedJob,
} from './failureLogs';
import { jobsOf } from './getWorkflow';
import type { Zod } from './shapes';

const FAILED_WORKFLOW = new Set(['failed', 'failing', 'error']);

const input = (z: Zod) =>
  z.object({
    workflowId: z.string().uuid().optional().describe('A workflow id (from get-pipelines or get-workflow).'),
    pipelineId: z.string().uuid().optional().describe('A pipeline id: every failed workflow of it.'),
    projectSlug: z.string().max(512).optional().describe('With jobNumber: one job, e.g. gh/acme/rocket.'),
    jobNumber: z.number().int().min(1).optional().describe('With projectSlug: one job by its number.'),
    lines: z.number().int().min(1).max(200).optional().describe('Lines kept from the end of each failing step (default 40).'),
  });

const output = (z: Zod) =>
  z.object({
    project: z.string(),
    jobs: z.array(
      z.object({
        name: z.string(),
        jobNumber: z.number(),
        status: z.string(),
        workflowId: z.string(),
        workflowName: z.string(),
        url: z.string().describe('The job on app.circleci.com.'),
        steps: z.array(
          z.object({
            name: z.string(),
            stepNumber: z.number(),
            container: z.number(),
            exitCode: z.number().optional(),
            otherFailedContainers: z.number().describe('Parallel containers where this step failed too (not shown).'),
            lines: z.array(z.string()).describe('The last lines of the step\'s output, oldest first, ANSI removed.'),
            linesOmitted: z.boolean().describe('Whether earlier lines were left out.'),
            note: z.string().optional(),
          }),
        ),
        stepsOmitted: z.number(),
      }),
    ),
    jobsOmitted: z.number().describe(`Failed jobs left out beyond the first ${MAX_FAILED_JOBS}.`),
    note: z.string().optional(),
  });

type Args = { workflowId?: string; pipelineId?: string; projectSlug?: string; jobNumber?: number };

type Found = { project: string; jobs: FailedJob[] };

async function failedJobsOfWorkflow(options: {
  context: RouteContext;
  credentials: CallerCredentials;
  workflowId: string;
}): Promise<Found> {
  const workflow = await readJson({ ...options, name: 'getWorkflow', values: { workflowId: options.workflowId }, about: `workflow ${options.workflowId}` });
  const slug = slugOf(workflow.project_slug);
  const jobs = await jobsOf({ ...options, workflowId: workflow.id });
  const failed = jobs
    .filter(job => isFailedJob(job.status) && typeof job.job_number === 'number')
    .map(job => ({
      slug,
      jobNumber: job.job_number as number,
      name: job.name,
      status: job.status ?? 'failed',
      workflowId: workflow.id,
      workflowName: workflow.name,
      pipelineNumber: workflow.pipeline_number,
    }));
  return { project: workflow.project_slug, jobs: failed };
}

async function failedJobsOf(options: { context: RouteContext; credentials: CallerCredentials; args: Args }): Promise<Found> {
  const { context, credentials, args } = options;
  const targets = [args.workflowId, args.pipelineId, args.projectSlug ?? args.jobNumber].filter(t => t !== undefined);
  if (targets.length !== 1 || (args.projectSlug === undefined) !== (args.jobNumber === undefined)) {
    throw new ActionError({ name: 'InputError', message: 'Give exactly one of: workflowId, pipelineId, or projectSlug with jobNumber.' });
  }
  if (args.workflowId) return failedJobsOfWorkflow({ context, credentials, workflowId: args.workflowId });
  if (args.pipelineId) {
    const page = await readJson({ context, credentials, name: 'listWorkflows', values: { pipelineId: args.pipelineId }, about: `the workflows of pipeline ${args.pipelineId}` });
    const jobs: FailedJob[] = [];
    for (const workflow of page.items.filter(w => FAILED_WORKFLOW.has(w.status))) {
      jobs.push(...(await failedJobsOfWorkflow({ context, credentials, workflowId: workflow.id })).jobs);
    }
    return { project: page.items[0]?.project_slug ?? '', jobs };
  }
  const slug = slugOf(args.projectSlug!);
  const job = await readJson({ context, credentials, name: 'getJob', values: { projectSlug: slug, jobNumber: args.jobNumber }, about: `job ${args.jobNumber} of ${slug.slug}` });
  const workflowId = job.latest_workflow.id;
  const workflow = await readJson({ context, credentials, name: 'getWorkflow', values: { workflowId }, about: `workflow ${workflowId}` });
  const failed = isFailedJob(job.status)
    ? [{ slug, jobNumber: job.number, name: job.name, status: job.status ?? 'failed', workflowId, workflowName: workflow.name, pipelineNumber: workflow.pipeline_number }]
    : [];
  return { project: slug.slug, jobs: failed };
}

/** Registers the action. */
export function registerGetFailureLogs(options: { registry: ActionsRegistryService; context: RouteContext }): void {
  const { registry, context } = options;
  registry.register({
    name: 'get-failure-logs',
    title: 'Get CircleCI failure logs',
    description:
      'Answers "why did my build fail?": for a workflow (workflowId), a pipeline (pipelineId) or one job ' +
      '(projectSlug + jobNumber), returns each failed job\'s failing steps with the last lines of their output ' +
      `(ANSI removed, at most ${MAX_LOG_BYTES / 1000} KB in all) and a link to the job on app.circleci.com. ` +
      'Read the last lines for the error; find the workflow or pipeline id with get-pipelines first.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: { input, output },
    examples: [
      { title: 'Why a workflow failed', input: { workflowId: '5034460f-c7c4-4c43-9457-de07e2029e7b', lines: 30 } },
      { title: 'One job', input: { projectSlug: 'gh/acme/rocket', jobNumber: 1234 } },
    ],
    action: async ({ input: args, credentials: raw }) =>
      named(context.logger, async () => {
        const credentials = callerOf(raw);
        const { project, jobs: failed } = await failedJobsOf({ context, credentials, args });
        const budget = new LogBudget();
        const jobs = [];
        for (const job of failed.slice(0, MAX_FAILED_JOBS)) {
          const { steps, stepsOmitted } = await failedStepsOf({ context, credentials, job, lines: args.lines ?? 40, budget });
          const { slug: _slug, pipelineNumber: _n, ...shown } = job;
          jobs.push({ ...shown, url: jobLink(job), steps, stepsOmitted });
        }
        const note = failed.length === 0 ? 'No failed job: nothing failed here (or it is still running). Check statuses with get-workflow.' : undefined;
        return { output: { project, jobs, jobsOmitted: Math.max(0, failed.length - MAX_FAILED_JOBS), ...(note ? { note } : {}) } };
      }),
  });
}
