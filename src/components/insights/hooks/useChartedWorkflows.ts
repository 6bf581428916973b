import { useCallback, useMemo, useState } from 'react';
import type { WorkflowMetrics } from '@circleci-backstage/plugin-circleci-common';
import { initialCharts } from '../../../domain/insightsCharts';

/** What {@link useChartedWorkflows} returns. */
export interface ChartedWorkflows {
  /** The names of the workflows charted now, in the order of the metrics. */
  names: readonly string[];
  /** True when the workflow is charted. */
  isCharted: (name: string) => boolean;
  /** How many workflows are not charted yet. */
  hidden: number;
  /** Charts one more workflow (the user asked for it). */
  chart: (name: string) => void;
  /** Charts every workflow. */
  chartAll: () => void;
}

const NO_NAMES: readonly string[] = [];

/**
 * Which workflows of the Insights view are charted: the busiest at first
 * (see `initialCharts`), then each one the user asks for, or all of them.
 */
export function useChartedWorkflows(options: { workflows: readonly WorkflowMetrics[] | undefined }): ChartedWorkflows {
  const { workflows } = options;
  const [asked, setAsked] = useState<ReadonlySet<string> | 'all'>(() => new Set());
  const names = useMemo(() => {
    if (!workflows) return NO_NAMES;
    if (asked === 'all') return workflows.map(w => w.name);
    const first = new Set(initialCharts({ workflows }));
    return workflows.map(w => w.name).filter(name => first.has(name) || asked.has(name));
  }, [workflows, asked]);
  const charted = useMemo(() => new Set(names), [names]);
  const chart = useCallback(
    (name: string) => setAsked(prev => (prev === 'all' || prev.has(name) ? prev : new Set([...prev, name]))),
    [],
  );
  const chartAll = useCallback(() => setAsked('all'), []);
  return {
    names,
    isCharted: name => charted.has(name),
    hidden: (workflows?.length ?? 0) - names.length,
    chart,
    chartAll,
  };
}
