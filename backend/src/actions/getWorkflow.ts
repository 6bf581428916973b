/*
 * `circleci:get-workflow`: one workflow with its jobs, their statuses and
 * durations, read as the caller through the shared cache.
 */
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { pageCap, type ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import type { CallerCredentials, RouteContext } from '../routes/context';
import { callerOf, readJson, slugOf } from './access';
import { named } from './errors';
import { appLinks, secondsBetween, summarizeWorkflow, workflowShape, type Zod } from './shapes';

/** The most jobs one answer lists. */
export const MAX_JOBS = 100;

const input = (z: Zod) =>
  z.object({
    workflowId: z.string().uuid().describe('The workflow id, e.g. from get-pipelines.'),
  });

const jobShape = (z: Zod) =>
  z.object({
    id: z.string(),
    name: z.string(),
    type: z.string().describe('build or approval'),
    status: z.string().describe('success, failed, running, blocked, on_hold, canceled, not_run, …'),
    jobNumber: z.number().optional().describe('For get-failure-logs (with projectSlug); approvals have none.'),
    startedAt: z.string().optional(),
    stoppedAt: z.string().optional(),
    durationSeconds: z.number().optional(),
    approvalRequestId: z.string().optional().describe('For approve-job, on an approval job on hold.'),
    url: z.string().optional(),
  });

const output = (z: Zod) =>
  z.object({
    project: z.string(),
    workflow: workflowShape(z),
    jobs: z.array(jobShape(z)),
    jobsOmitted: z.number().describe('Jobs left out beyond the first 100.'),
  });

type Job = Awaited<ReturnType<typeof readJson<'listJobs'>>>['items'][number];

/** Every job of a workflow, page after page up to the table's cap. */
export async function jobsOf(options: { context: RouteContext; credentials: CallerCredentials; workflowId: string }): Promise<Job[]> {
  const jobs: Job[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < pageCap('listJobs'); page += 1) {
    const answer = await readJson({
      ...options,
      name: 'listJobs',
      values: { workflowId: options.workflowId, pageToken },
      about: `the jobs of workflow ${options.workflowId}`,
    });
    jobs.push(...answer.items);
    if (!answer.next_page_token) break;
    pageToken = answer.next_page_token;
  }
  return jobs;
}

/** A job summed up. */
function jobSummary(options: { slug: ProjectSlug; pipelineNumber: number; workflowId: string; job: Job }) {
  const { job } = options;
  const durationSeconds = secondsBetween(job.started_at, job.stopped_at);
  const number = typeof job.job_number === 'number' ? job.job_number : undefined;
  return {
    id: job.id,
    name: job.name,
    type: job.type,
    status: job.status ?? 'unknown',
    ...(number === undefined ? {} : { jobNumber: number }),
    ...(job.started_at ? { startedAt: job.started_at } : {}),
    ...(job.stopped_at ? { stoppedAt: job.stopped_at } : {}),
    ...(durationSeconds === undefined ? {} : { durationSeconds }),
    ...(job.approval_request_id ? { approvalRequestId: job.approval_request_id } : {}),
    ...(number === undefined ? {} : { url: appLinks.job({ ...options, jobNumber: number }) }),
  };
}

/** Registers the action. */
export function registerGetWorkflow(options: { registry: ActionsRegistryService; context: RouteContext }): void {
  const { registry, context } = options;
  registry.register({
    name: 'get-workflow',
    title: 'Get a CircleCI workflow',
    description:
      'Reads one CircleCI workflow by id: its status and duration, and each job\'s name, status, duration and job ' +
      'number. Use it after get-pipelines to see which job failed or waits for approval; then get-failure-logs ' +
      'for the failing output, or approve-job with the approvalRequestId.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: { input, output },
    examples: [{ title: 'The jobs of a workflow', input: { workflowId: '5034460f-c7c4-4c43-9457-de07e2029e7b' } }],
    action: async ({ input: args, credentials: raw }) =>
      named(context.logger, async () => {
        const credentials = callerOf(raw);
        const workflow = await readJson({
          context,
          credentials,
          name: 'getWorkflow',
          values: { workflowId: args.workflowId },
          about: `workflow ${args.workflowId}`,
        });
        const slug = slugOf(workflow.project_slug);
        const jobs = await jobsOf({ context, credentials, workflowId: workflow.id });
        const shown = jobs.slice(0, MAX_JOBS).map(job =>
          jobSummary({ slug, pipelineNumber: workflow.pipeline_number, workflowId: workflow.id, job }),
        );
        return {
          output: {
            project: workflow.project_slug,
            workflow: summarizeWorkflow({ slug, workflow }),
            jobs: shown,
            jobsOmitted: jobs.length - shown.length,
          },
        };
      }),
  });
}
