/*
 * What `get-failure-logs` gathers: for each failed job (at most
 * MAX_FAILED_JOBS), its failed steps (at most MAX_STEPS_PER_JOB, the first
 * failed container of each) with the end of their logs, within one byte
 * budget for the whole answer. Every read goes through the shared cache as
 * the caller; every log read is audited like the route's step-log reads.
 */
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { auditStepLogRead } from '../access/audit';
import type { CallerCredentials, RouteContext } from '../routes/context';
import { readJson, readText } from './access';
import { appLinks } from './shapes';
import { tailOf } from './logTail';

/** The most log bytes (UTF-8) in one answer. */
export const MAX_LOG_BYTES = 20_000;
/** The most log bytes of one step. */
export const MAX_STEP_BYTES = 10_000;
/** The most failed jobs whose logs are read. */
export const MAX_FAILED_JOBS = 5;
/** The most failed steps read per job. */
export const MAX_STEPS_PER_JOB = 2;

const FAILED_JOB = new Set(['failed', 'infrastructure_fail', 'timedout']);
const FAILED_STEP = new Set(['failed', 'timedout', 'infrastructure_fail']);

/** One failed job to read. */
export interface FailedJob {
  slug: ProjectSlug;
  jobNumber: number;
  name: string;
  status: string;
  workflowId: string;
  workflowName: string;
  pipelineNumber: number;
}

/** One failed step's end of log. */
export interface FailedStep {
  name: string;
  stepNumber: number;
  container: number;
  exitCode?: number;
  otherFailedContainers: number;
  lines: string[];
  linesOmitted: boolean;
  note?: string;
}

/** Whether a job's status is a failure. */
export function isFailedJob(status: string | null | undefined): boolean {
  return typeof status === 'string' && FAILED_JOB.has(status);
}

/** The byte budget of one answer, spent step by step. */
export class LogBudget {
  private left = MAX_LOG_BYTES;
  /** Bytes still allowed. */
  get remaining(): number {
    return this.left;
  }
  /** Spends `bytes`. */
  spend(bytes: number): void {
    this.left = Math.max(0, this.left - bytes);
  }
}

async function readStepLog(options: {
  context: RouteContext;
  credentials: CallerCredentials;
  job: FailedJob;
  container: number;
  stepNumber: number;
}): Promise<string> {
  const { context, credentials, job, container, stepNumber } = options;
  const params = { projectSlug: job.slug, jobNumber: job.jobNumber, containerIndex: container, stepNumber };
  const event = await auditStepLogRead({ context, credentials, params });
  try {
    const log = await readText({ context, credentials, name: 'getStepOutput', values: params, about: `the log of step ${stepNumber} of job ${job.jobNumber}` });
    await event.success({ meta: { status: 200, via: 'actions-registry' } });
    return log;
  } catch (e) {
    await event.fail({ meta: { via: 'actions-registry' }, error: e as Error });
    throw e;
  }
}

/** The failed steps of one job with the end of their logs. */
export async function failedStepsOf(options: {
  context: RouteContext;
  credentials: CallerCredentials;
  job: FailedJob;
  lines: number;
  budget: LogBudget;
}): Promise<{ steps: FailedStep[]; stepsOmitted: number }> {
  const { context, credentials, job, lines, budget } = options;
  const details = await readJson({
    context,
    credentials,
    name: 'getJobSteps',
    values: { projectSlug: job.slug, jobNumber: job.jobNumber },
    about: `the steps of job ${job.jobNumber}`,
  });
  const failed = details.steps
    .map(step => ({ step, actions: step.actions.filter(a => a.failed === true || FAILED_STEP.has(a.status)) }))
    .filter(s => s.actions.length > 0);
  const steps: FailedStep[] = [];
  for (const { step, actions } of failed.slice(0, MAX_STEPS_PER_JOB)) {
    const [first] = actions;
    const base = {
      name: step.name,
      stepNumber: first.step,
      container: first.index,
      ...(typeof first.exit_code === 'number' ? { exitCode: first.exit_code } : {}),
      otherFailedContainers: actions.length - 1,
    };
    if (first.has_output === false) {
      steps.push({ ...base, lines: [], linesOmitted: false, note: 'This step wrote no output.' });
      continue;
    }
    if (budget.remaining < 200) {
      steps.push({ ...base, lines: [], linesOmitted: true, note: 'Left out: the answer reached its size bound; read this job alone.' });
      continue;
    }
    let log: string;
    try {
      log = await readStepLog({ context, credentials, job, container: first.index, stepNumber: first.step });
    } catch (e) {
      steps.push({ ...base, lines: [], linesOmitted: true, note: `The log could not be read: ${(e as Error).message}` });
      continue;
    }
    const tail = tailOf({ log, lines, maxBytes: Math.min(MAX_STEP_BYTES, budget.remaining) });
    budget.spend(tail.bytes);
    steps.push({ ...base, lines: tail.lines, linesOmitted: tail.truncated });
  }
  return { steps, stepsOmitted: Math.max(0, failed.length - MAX_STEPS_PER_JOB) };
}

/** The link of a failed job. */
export function jobLink(job: FailedJob): string {
  return appLinks.job({ slug: job.slug, pipelineNumber: job.pipelineNumber, workflowId: job.workflowId, jobNumber: job.jobNumber });
}
