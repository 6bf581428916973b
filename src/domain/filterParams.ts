/*
 * The filters of the pipelines page as the URL holds them (`?status=`,
 * `?workflow=`, `?actor=`, `?mine=1`, next to `?branch=`), and the rules of
 * the ones that look at a pipeline itself: who triggered it, and its branch
 * when the list comes from `pipeline/mine` (which CircleCI cannot filter by
 * branch).
 */
import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { parseStatusFilter, type StatusFilter } from './pipelineFilters';

/** The filters of the pipelines page. */
export interface PipelineFilterValues {
  /** Only pipelines with this status. */
  status?: StatusFilter;
  /** Only pipelines with a workflow of this name (or simple glob). */
  workflow?: string;
  /** Only pipelines triggered by this login. */
  actor?: string;
  /** Only the pipelines the token's user triggered (`pipeline/mine`). */
  mine?: boolean;
}

/** Longest accepted login, so a URL cannot make the page costly. */
const MAX_LOGIN = 100;

/** Reads the filters from the page's URL; unknown or overlong values are left out. */
export function readFilterParams(params: URLSearchParams): PipelineFilterValues {
  const actor = params.get('actor')?.trim();
  return {
    status: parseStatusFilter(params.get('status')),
    workflow: params.get('workflow') || undefined,
    actor: actor && actor.length <= MAX_LOGIN ? actor : undefined,
    mine: params.get('mine') === '1' || undefined,
  };
}

/** A copy of `params` with the filters set (and those not given removed). */
export function writeFilterParams(params: URLSearchParams, values: PipelineFilterValues): URLSearchParams {
  const next = new URLSearchParams(params);
  const entries: Array<[string, string | undefined]> = [
    ['status', values.status],
    ['workflow', values.workflow],
    ['actor', values.actor],
    ['mine', values.mine ? '1' : undefined],
  ];
  for (const [key, value] of entries) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** Who triggered a pipeline (its VCS login), if CircleCI says. */
export function actorOf(pipeline: Pick<Pipeline, 'trigger'>): string | undefined {
  return pipeline.trigger?.actor?.login || undefined;
}

/** The logins seen in the loaded pipelines, plus the one filtered on, sorted. */
export function seenActors(pipelines: readonly Pick<Pipeline, 'trigger'>[], actor: string | undefined): string[] {
  const set = new Set<string>();
  if (actor) set.add(actor);
  for (const p of pipelines) {
    const login = actorOf(p);
    if (login) set.add(login);
  }
  return [...set].sort((a, b) => a.localeCompare(b));
}

/**
 * True when the pipeline passes the filters that look at the pipeline
 * itself: who triggered it and, when CircleCI could not filter by branch
 * (the `mine` list), its branch.
 */
export function pipelineMatches(options: {
  pipeline: Pick<Pipeline, 'trigger' | 'vcs'>;
  actor?: string;
  branch?: string;
}): boolean {
  const { pipeline, actor, branch } = options;
  if (actor && actorOf(pipeline) !== actor) return false;
  return !branch || pipeline.vcs?.branch === branch;
}
