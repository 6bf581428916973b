/*
 * What the pipelines page's filters keep, as one whole sentence per
 * combination of filters, so a translator can order each as the language
 * needs: "3 failed pipelines with workflow build among the last 60 loaded".
 */
import type { CircleCIMessage, CircleCIMessageKey, CircleCIMessageValue } from './messages';
import type { StatusFilter } from './pipelineFilters';
import { statusText } from './statusLabels';

/** Which filters are set: S(tatus), W(orkflow), A(ctor), B(ranch), in this order. */
type Set3 = `${'' | 'S'}${'' | 'W'}${'' | 'A'}`;

/** The sentences for everyone's pipelines (the branch is filtered by CircleCI there). */
const EVERYONE: Record<Exclude<Set3, ''>, CircleCIMessageKey> = {
  S: 'coverage.status',
  W: 'coverage.workflow',
  A: 'coverage.actor',
  SW: 'coverage.statusWorkflow',
  SA: 'coverage.statusActor',
  WA: 'coverage.workflowActor',
  SWA: 'coverage.statusWorkflowActor',
};

/** The sentences for the user's own pipelines, whose branch the plugin filters. */
const MINE: Record<`${Set3}${'' | 'B'}`, CircleCIMessageKey> = {
  '': 'filters.mineOnly',
  S: 'coverageMine.status',
  W: 'coverageMine.workflow',
  A: 'coverageMine.actor',
  B: 'coverageMine.branch',
  SW: 'coverageMine.statusWorkflow',
  SA: 'coverageMine.statusActor',
  SB: 'coverageMine.statusBranch',
  WA: 'coverageMine.workflowActor',
  WB: 'coverageMine.workflowBranch',
  AB: 'coverageMine.actorBranch',
  SWA: 'coverageMine.statusWorkflowActor',
  SWB: 'coverageMine.statusWorkflowBranch',
  SAB: 'coverageMine.statusActorBranch',
  WAB: 'coverageMine.workflowActorBranch',
  SWAB: 'coverageMine.statusWorkflowActorBranch',
};

/** Options of {@link filterCoverage}. */
export interface FilterCoverageOptions {
  /** How many loaded pipelines the filters keep. */
  shown: number;
  /** How many pipelines are loaded. */
  count: number;
  /** True for the user's own list (`pipeline/mine`). */
  mine?: boolean;
  status?: StatusFilter;
  workflow?: string;
  actor?: string;
  /** The branch, filtered by the plugin only in the user's own list. */
  branch?: string;
}

/**
 * What the filters keep among the loaded pipelines; undefined for
 * everyone's pipelines without a filter. The user's own list says how many
 * it holds even without a filter.
 */
export function filterCoverage(options: FilterCoverageOptions): CircleCIMessage | undefined {
  const { shown, count, mine, status, workflow, actor, branch } = options;
  const set3 = `${status ? 'S' : ''}${workflow ? 'W' : ''}${actor ? 'A' : ''}` as Set3;
  // Everyone's sentences are plural forms of the pipelines kept (`count`);
  // "N of your pipelines" reads well for any N.
  const params: Record<string, CircleCIMessageValue> = mine ? { shown, count } : { count: shown, loaded: count };
  if (status) params.status = statusText(status);
  if (workflow) params.workflow = workflow;
  if (actor) params.actor = actor;
  if (mine) {
    if (branch) params.branch = branch;
    return { key: MINE[`${set3}${branch ? 'B' : ''}`], params };
  }
  return set3 === '' ? undefined : { key: EVERYONE[set3], params };
}
