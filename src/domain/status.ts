import type { Workflow } from '@circleci-backstage/plugin-circleci-common';

/**
 * The plugin's own status vocabulary. Every status string from CircleCI,
 * including ones it adds later, maps to exactly one of these; strings the
 * plugin does not know map to `unknown`, which renders as a neutral status.
 * @public
 */
export type CircleCIStatus =
  | 'success'
  | 'failed'
  | 'failing'
  | 'running'
  | 'on_hold'
  | 'queued'
  | 'blocked'
  | 'canceled'
  | 'not_run'
  | 'unauthorized'
  | 'unknown';

const STATUS_MAP: Record<string, CircleCIStatus> = {
  success: 'success',
  fixed: 'success',
  failed: 'failed',
  error: 'failed',
  infrastructure_fail: 'failed',
  timedout: 'failed',
  'terminated-unknown': 'failed',
  failing: 'failing',
  running: 'running',
  on_hold: 'on_hold',
  queued: 'queued',
  not_running: 'queued',
  scheduled: 'queued',
  blocked: 'blocked',
  canceled: 'canceled',
  cancelled: 'canceled',
  not_run: 'not_run',
  retried: 'not_run',
  unauthorized: 'unauthorized',
};

/**
 * Maps a CircleCI workflow or job status string to {@link CircleCIStatus}.
 * @public
 */
export function normalizeStatus(status: string | null | undefined): CircleCIStatus {
  if (typeof status !== 'string') return 'unknown';
  return Object.prototype.hasOwnProperty.call(STATUS_MAP, status)
    ? STATUS_MAP[status]
    : 'unknown';
}

/**
 * True for statuses whose work is not finished yet and may still change.
 * @internal
 */
export function isActiveStatus(status: CircleCIStatus): boolean {
  return (
    status === 'running' ||
    status === 'failing' ||
    status === 'on_hold' ||
    status === 'queued' ||
    status === 'blocked'
  );
}

/**
 * Keeps only the newest run of each workflow name: a rerun creates a new
 * workflow with the same name in the same pipeline, and the newest one is
 * the current result. Older runs are returned separately, newest first.
 * @internal
 */
export function latestWorkflowRuns(workflows: readonly Workflow[]): {
  current: Workflow[];
  earlier: Workflow[];
} {
  // Oldest first (stable), so names keep the order in which they first ran.
  const ascending = [...workflows].sort((a, b) =>
    a.created_at.localeCompare(b.created_at),
  );
  const latest = new Map<string, Workflow>();
  for (const wf of ascending) latest.set(wf.name, wf);
  const current = [...latest.values()];
  const kept = new Set(current);
  const earlier = ascending.filter(wf => !kept.has(wf)).reverse();
  return { current, earlier };
}

const PRECEDENCE: CircleCIStatus[] = [
  'failing',
  'running',
  'queued',
  'blocked',
  'on_hold',
  'failed',
  'unauthorized',
  'canceled',
  'unknown',
  'not_run',
  'success',
];

/**
 * Derives a pipeline's status from its workflows. A pipeline's own `state`
 * only describes setup, so it is consulted only when there is no workflow:
 * `errored` is a failure, anything else is still queued.
 * @public
 */
export function derivePipelineStatus(options: {
  state: string;
  workflows: readonly Workflow[] | undefined;
}): CircleCIStatus {
  const { state, workflows } = options;
  if (!workflows || workflows.length === 0) {
    if (state === 'errored') return 'failed';
    if (state === 'created' && workflows) return 'not_run';
    return workflows ? 'queued' : 'unknown';
  }
  const statuses = new Set(
    latestWorkflowRuns(workflows).current.map(w => normalizeStatus(w.status)),
  );
  if (statuses.has('failed') && (statuses.has('running') || statuses.has('queued'))) {
    return 'failing';
  }
  return PRECEDENCE.find(s => statuses.has(s)) ?? 'unknown';
}

/**
 * The combined status of several pipelines (say, every build of a commit):
 * `failing` when one failed while another still runs, otherwise the most
 * telling one (running before failed before success); `unknown` for none.
 */
export function combineStatuses(statuses: readonly CircleCIStatus[]): CircleCIStatus {
  const set = new Set(statuses);
  if ((set.has('failed') || set.has('failing')) && (set.has('running') || set.has('queued'))) {
    return 'failing';
  }
  return PRECEDENCE.find(s => set.has(s)) ?? 'unknown';
}

/**
 * True while work with this raw CircleCI status (of a workflow, a job or a
 * step) may still change: it is then worth re-reading.
 */
export function isUnfinished(status: string | null | undefined): boolean {
  return isActiveStatus(normalizeStatus(status));
}

/**
 * How a pipeline's workflows must be re-read: `running` while some of them
 * run or are queued (on a timer), `waiting` when the only unfinished work
 * waits for a person's approval (when the user returns to the page), and
 * undefined once everything has finished.
 */
export function workflowsPollGroup(
  workflows: readonly Pick<Workflow, 'status'>[] | undefined,
): 'running' | 'waiting' | undefined {
  const active = (workflows ?? []).map(w => normalizeStatus(w.status)).filter(isActiveStatus);
  if (active.length === 0) return undefined;
  return active.every(s => s === 'on_hold') ? 'waiting' : 'running';
}

/**
 * How a workflow's jobs must be re-read: as {@link workflowsPollGroup}, but
 * jobs `blocked` behind an approval on hold wait with it: `waiting` when
 * some job is on hold and every other unfinished job is blocked.
 */
export function jobsPollGroup(
  jobs: readonly { status: string | null | undefined }[] | undefined,
): 'running' | 'waiting' | undefined {
  const active = (jobs ?? []).map(j => normalizeStatus(j.status)).filter(isActiveStatus);
  if (active.length === 0) return undefined;
  const waits = active.includes('on_hold') && active.every(s => s === 'on_hold' || s === 'blocked');
  return waits ? 'waiting' : 'running';
}
