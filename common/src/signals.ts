import type { ProjectSlug } from './slug';

/**
 * The prefix of every CircleCI signal channel.
 * @public
 */
export const CIRCLECI_SIGNAL_CHANNEL_PREFIX = 'circleci:project:';

const LONG_PROVIDER: Record<string, string> = {
  gh: 'github',
  github: 'github',
  bb: 'bitbucket',
  bitbucket: 'bitbucket',
  circleci: 'circleci',
};

/**
 * The signal channel of one CircleCI project. The same project gets the
 * same channel whichever way its slug is written: `gh/Acme/Rocket` (an
 * annotation) and `github/acme/rocket` (a webhook's `project.slug`) both
 * give `circleci:project:github/acme/rocket`.
 *
 * Returns `undefined` for a text that is not a three-part slug with a known
 * provider.
 * @public
 */
export function circleCISignalChannel(options: {
  /** The project's slug, parsed or as text (short or long provider). */
  projectSlug: ProjectSlug | string;
}): string | undefined {
  const text =
    typeof options.projectSlug === 'string'
      ? options.projectSlug
      : options.projectSlug.slug;
  const parts = text.trim().split('/');
  if (parts.length !== 3 || parts.some(p => p === '')) return undefined;
  const provider = LONG_PROVIDER[parts[0].toLowerCase()];
  if (!provider) return undefined;
  return `${CIRCLECI_SIGNAL_CHANNEL_PREFIX}${[provider, parts[1], parts[2]]
    .join('/')
    .toLowerCase()}`;
}

/**
 * What the backend publishes on a project's channel when CircleCI reports,
 * by a verified webhook, that a workflow or a job completed. It names only
 * ids and the final status: a tab re-reads what it names, through the
 * backend, which checks the reader's access as for any read.
 * @public
 */
export type CircleCISignal =
  | {
      kind: 'workflow-completed';
      /** The webhook event's id. */
      eventId: string;
      pipelineId: string;
      pipelineNumber?: number;
      workflowId: string;
      /** The workflow's final status, e.g. `success` or `failed`. */
      status?: string;
    }
  | {
      kind: 'job-completed';
      eventId: string;
      pipelineId: string;
      pipelineNumber?: number;
      workflowId: string;
      jobId?: string;
      jobNumber?: number;
      /** The job's final status. */
      status?: string;
    }
  | {
      /**
       * The answer to a tab's probe (`POST /api/circleci/signals/probe`):
       * it proves that signals reach this tab, sent to the asking user alone
       * on the channel the tab subscribed to.
       */
      kind: 'probe';
      nonce: string;
    };

/**
 * Reads a signal message, as received from the signals service; anything
 * that is not a well-formed {@link CircleCISignal} gives `undefined`.
 * @public
 */
export function readCircleCISignal(message: unknown): CircleCISignal | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  if (m.kind === 'probe') {
    const nonce = str(m.nonce);
    return nonce ? { kind: 'probe', nonce } : undefined;
  }
  const eventId = str(m.eventId);
  const pipelineId = str(m.pipelineId);
  const workflowId = str(m.workflowId);
  if (!eventId || !pipelineId || !workflowId) return undefined;
  if (m.kind === 'workflow-completed') {
    return {
      kind: 'workflow-completed',
      eventId,
      pipelineId,
      pipelineNumber: num(m.pipelineNumber),
      workflowId,
      status: str(m.status),
    };
  }
  if (m.kind === 'job-completed') {
    return {
      kind: 'job-completed',
      eventId,
      pipelineId,
      pipelineNumber: num(m.pipelineNumber),
      workflowId,
      jobId: str(m.jobId),
      jobNumber: num(m.jobNumber),
      status: str(m.status),
    };
  }
  return undefined;
}
