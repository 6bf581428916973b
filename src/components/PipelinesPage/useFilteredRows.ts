import { useMemo } from 'react';
import { hasWorkflowNamed, statusMatches, workflowNameTest } from '../../domain/pipelineFilters';
import { statusText } from '../../domain/statusLabels';
import { derivePipelineStatus } from '../../domain/status';
import type { WorkflowScope } from '../../domain/workflowScope';
import { useCircleCITranslation } from '../../hooks/useCircleCITranslation';
import type { PipelineFilterValues } from '../PipelineFilters';
import type { PipelineRow } from '../PipelinesTable';

/** The rows the filters keep, and what they cover. */
export interface FilteredRows {
  /** The rows kept (all of them without a filter). */
  rows: PipelineRow[];
  /** What the filters cover, e.g. "3 failed pipelines among the last 60 loaded"; none without a filter. */
  coverage?: string;
  /** The workflow names of the rows loaded, sorted. */
  workflowNames: string[];
  /** With a workflow scope: how many loaded pipelines it hides, as a sentence. */
  hidden?: string;
}

/**
 * The rows of the component's workflows: a row keeps only those, and one
 * with none of them (or none at all) is hidden once its workflows have arrived.
 */
function scoped(rows: PipelineRow[], scope: WorkflowScope | undefined): { rows: PipelineRow[]; hidden: number } {
  if (!scope) return { rows, hidden: 0 };
  let hidden = 0;
  const kept: PipelineRow[] = [];
  rows.forEach(r => {
    if (!r.workflows) return;
    const workflows = r.workflows.filter(w => scope.test(w.name));
    if (workflows.length === 0) hidden++;
    else kept.push({ ...r, workflows, status: derivePipelineStatus({ state: r.pipeline.state, workflows }) });
  });
  return { rows: kept, hidden };
}

/**
 * Applies the status and workflow filters to the rows loaded so far. A row
 * whose workflows have not arrived yet is left out until they do.
 */
export function useFilteredRows(options: {
  rows: PipelineRow[];
  filters?: PipelineFilterValues;
  /** The entity's `circleci.com/workflows` scope, if any. */
  scope?: WorkflowScope;
}): FilteredRows {
  const { filters, scope } = options;
  const { t, translate } = useCircleCITranslation();
  const status = filters?.status;
  const workflow = filters?.workflow;
  return useMemo(() => {
    const { rows, hidden: hiddenCount } = scoped(options.rows, scope);
    const hidden = scope
      ? t('workflowScope.hidden', { count: hiddenCount, patterns: scope.patterns.join(', ') })
      : undefined;
    const names = new Set<string>();
    rows.forEach(r => r.workflows?.forEach(w => names.add(w.name)));
    const workflowNames = [...names].sort();
    const test = workflow ? workflowNameTest(workflow) : undefined;
    if (!status && !test) return { rows, workflowNames, hidden };
    const kept = rows.filter(
      r =>
        r.workflows !== undefined &&
        (!status || statusMatches({ status: r.status, filter: status })) &&
        (!test || hasWorkflowNamed({ workflows: r.workflows, test })),
    );
    const params = { shown: String(kept.length), count: rows.length };
    let coverage: string;
    if (status && test) {
      coverage = t('filters.byBoth', { ...params, status: statusText(status, translate), workflow: workflow! });
    } else if (status) {
      coverage = t('filters.byStatus', { ...params, status: statusText(status, translate) });
    } else {
      coverage = t('filters.byWorkflow', { ...params, workflow: workflow! });
    }
    return { rows: kept, coverage, workflowNames, hidden };
  }, [options.rows, scope, status, workflow, t, translate]);
}
