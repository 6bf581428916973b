/*
 * Filters of the pipelines page: by status and by workflow name (a name or
 * a simple glob). They apply to the pipelines loaded so far.
 */
import type { Workflow } from '@circleci-backstage/plugin-circleci-common';
import type { CircleCIStatus } from './status';

/** The statuses a user can filter on. */
export const STATUS_FILTERS = ['failed', 'running', 'on_hold', 'success', 'canceled'] as const;

/** A status to filter on. */
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** Reads a status filter from the URL; undefined for none or an unknown value. */
export function parseStatusFilter(value: string | null | undefined): StatusFilter | undefined {
  return STATUS_FILTERS.find(s => s === value);
}

const COVERS: Record<StatusFilter, readonly CircleCIStatus[]> = {
  // A failing pipeline has failed and still runs: it is in both.
  failed: ['failed', 'failing'],
  running: ['running', 'failing', 'queued', 'blocked'],
  on_hold: ['on_hold'],
  success: ['success'],
  canceled: ['canceled', 'not_run'],
};

/** True when a pipeline with this derived status is among the filter's. */
export function statusMatches(options: { status: CircleCIStatus; filter: StatusFilter }): boolean {
  return COVERS[options.filter].includes(options.status);
}

/** Longest accepted workflow pattern, so a URL cannot make matching costly. */
const MAX_PATTERN = 200;

/**
 * Turns a workflow name or a simple glob (`*` for any run of characters,
 * `?` for one) into a test, case-sensitive like CircleCI's names.
 * Undefined for an empty or overlong pattern.
 */
export function workflowNameTest(pattern: string): ((name: string) => boolean) | undefined {
  const text = pattern.trim();
  if (!text || text.length > MAX_PATTERN) return undefined;
  const source = text
    .split('')
    .map(c => {
      if (c === '*') return '.*';
      if (c === '?') return '.';
      return c.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
    })
    .join('');
  const re = new RegExp(`^${source}$`);
  return name => re.test(name);
}

/** True when one of the workflows is named as the test wants. */
export function hasWorkflowNamed(options: {
  workflows: readonly Workflow[];
  test: (name: string) => boolean;
}): boolean {
  return options.workflows.some(w => options.test(w.name));
}
