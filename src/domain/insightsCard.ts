/*
 * Which workflows the insights card shows. No React and no I/O.
 */
import type { WorkflowMetrics } from '@circleci-backstage/plugin-circleci-common';

/** How many workflows the card shows when its config names none. */
export const CARD_WORKFLOW_CAP = 5;

/** Options of {@link cardWorkflows}. */
export interface CardWorkflowsOptions {
  /** The project's per-workflow metrics; undefined while they load. */
  metrics?: readonly WorkflowMetrics[];
  /** The names the card's config asks for; none (or empty): the busiest workflows. */
  names?: readonly string[];
  /** At most this many when `names` is not given; default {@link CARD_WORKFLOW_CAP}. */
  cap?: number;
}

/** What {@link cardWorkflows} picks. */
export interface CardWorkflows {
  /** The workflow names to show, in order. */
  names: string[];
  /** The metrics of each shown name that has any. */
  metrics: ReadonlyMap<string, WorkflowMetrics>;
  /** How many workflows with metrics are left out by the cap. */
  hidden: number;
}

const runsOf = (w: WorkflowMetrics): number => {
  const n = w.metrics.total_runs;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
};

/**
 * The card's workflows: the configured names in their order (each shown,
 * with or without metrics, trimmed and without repeats), or else those
 * with the most runs in the window (ties by name), up to `cap`.
 */
export function cardWorkflows(options: CardWorkflowsOptions): CardWorkflows {
  const { metrics = [], cap = CARD_WORKFLOW_CAP } = options;
  const byName = new Map(metrics.map(w => [w.name, w]));
  const configured = [...new Set((options.names ?? []).map(n => n.trim()).filter(n => n !== ''))];
  if (configured.length > 0) {
    return {
      names: configured,
      metrics: new Map(configured.flatMap(n => (byName.has(n) ? [[n, byName.get(n)!] as const] : []))),
      hidden: 0,
    };
  }
  const busiest = [...byName.values()].sort((a, b) => runsOf(b) - runsOf(a) || a.name.localeCompare(b.name));
  const shown = busiest.slice(0, Math.max(0, cap));
  return {
    names: shown.map(w => w.name),
    metrics: new Map(shown.map(w => [w.name, w])),
    hidden: busiest.length - shown.length,
  };
}

/** The configured workflow names, cleaned; undefined when none is named. */
export function configuredWorkflowNames(names: readonly string[] | undefined): string[] | undefined {
  const cleaned = cardWorkflows({ names }).names;
  return names && cleaned.length > 0 ? cleaned : undefined;
}
