/*
 * The parallel containers of a job and their statuses.
 */
import { type CircleCIMessage, msg } from './messages';
import type { JobStep } from '@circleci-backstage/plugin-circleci-common';
import { CircleCIStatus, normalizeStatus } from './status';
import { statusText } from './statusLabels';

/**
 * One parallel container and its status.
 */
export interface ContainerStatus {
  /** The container's index, from 0. */
  index: number;
  /** A CircleCI status string; null or missing when CircleCI sends none. */
  status: string | null | undefined;
}

/** The worst status among a container's actions comes first. */
const SEVERITY: CircleCIStatus[] = ['failed', 'running', 'canceled', 'queued', 'success'];

/**
 * The status of every container of a job: from the job's `parallel_runs`
 * when given, otherwise derived from the steps' actions (a failed action
 * fails its container, a running one keeps it running).
 */
export function containerStatuses(options: {
  steps: readonly JobStep[];
  parallelism: number;
  containers?: readonly ContainerStatus[];
}): ContainerStatus[] {
  const { steps, containers } = options;
  const count = Math.max(1, options.parallelism, ...(containers ?? []).map(c => c.index + 1));
  return Array.from({ length: count }, (_, index) => {
    const known = containers?.find(c => c.index === index);
    if (known) return known;
    const seen = new Set(
      steps.flatMap(s =>
        s.actions.filter(a => a.index === index).map(a => normalizeStatus(a.status)),
      ),
    );
    return { index, status: SEVERITY.find(s => seen.has(s)) ?? 'unknown' };
  });
}

/** The container shown first: the first one that failed, else container 0. */
export function defaultContainer(containers: readonly ContainerStatus[]): number {
  return containers.find(c => normalizeStatus(c.status) === 'failed')?.index ?? 0;
}

/** How a container is named for a screen reader: `Container 3: failed`. */
export function containerLabel(container: ContainerStatus): CircleCIMessage {
  return msg('domain.containerLabel', { index: container.index, status: statusText(container.status) });
}
