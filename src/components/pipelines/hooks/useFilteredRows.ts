import { useMemo } from 'react';
import { pipelineMatches, seenActors, type PipelineFilterValues } from '../../../domain/filterParams';
import { hasWorkflowNamed, statusMatches, workflowNameTest } from '../../../domain/pipelineFilters';
import { filterCoverage } from '../../../domain/filterCoverage';
import { msg } from '../../../domain/messages';
import { derivePipelineStatus } from '../../../domain/status';
import { type WorkflowScope, workflowsInScope } from '../../../domain/workflowScope';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import type { PipelineRow } from '../PipelinesTable';

/** The rows the filters keep, and what they cover. */
export interface FilteredRows {
  /** The rows kept (all of them without a filter). */
  rows: PipelineRow[];
  /** What the filters cover, e.g. "3 failed pipelines among the last 60 loaded"; none without a filter. */
  coverage?: string;
  /** The workflow names of the rows loaded, sorted. */
  workflowNames: string[];
  /** The logins that triggered the rows loaded (and the one filtered on), sorted. */
  actors: string[];
  /** With a workflow scope: how many loaded pipelines it hides, as a sentence. */
  hidden?: string;
  /** True once every loaded row is decided: its workflows arrived (or failed) where a filter needs them. */
  settled: boolean;
  /** True when some filter (or the scope) may hide loaded pipelines. */
  filtering: boolean;
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
    const workflows = workflowsInScope({ workflows: r.workflows, scope });
    if (!workflows) hidden++;
    else kept.push({ ...r, workflows, status: derivePipelineStatus({ state: r.pipeline.state, workflows }) });
  });
  return { rows: kept, hidden };
}

/**
 * Applies the filters to the rows loaded so far: status and workflow (a
 * row whose workflows have not arrived yet is left out until they do),
 * who triggered it, and, for the user's own list (`mine`, which CircleCI
 * cannot filter by branch), the branch.
 */
export function useFilteredRows(options: {
  rows: PipelineRow[];
  filters?: PipelineFilterValues;
  /** The entity's `circleci.com/workflows` scope, if any. */
  scope?: WorkflowScope;
  /** The branch, applied here only when the list is the user's own. */
  branch?: string;
}): FilteredRows {
  const { filters, scope } = options;
  const { t, tm } = useCircleCITranslation();
  const { status, workflow, actor, mine } = filters ?? {};
  const branch = mine ? options.branch : undefined;
  return useMemo(() => {
    const { rows, hidden: hiddenCount } = scoped(options.rows, scope);
    const hidden = scope
      ? t('workflowScope.hidden', { count: hiddenCount, patterns: scope.patterns.join(', ') })
      : undefined;
    const names = new Set<string>();
    rows.forEach(r => r.workflows?.forEach(w => names.add(w.name)));
    const workflowNames = [...names].sort();
    const actors = seenActors(rows.map(r => r.pipeline), actor);
    const test = workflow ? workflowNameTest(workflow) : undefined;
    const needsWorkflows = Boolean(status || test || scope);
    const settled = !needsWorkflows || options.rows.every(r => r.workflows || r.workflowsError);
    const filtering = Boolean(needsWorkflows || actor || branch);
    if (!status && !test && !actor && !branch) {
      const coverage = mine ? tm(msg('filters.mineOnly', { count: rows.length })) : undefined;
      return { rows, coverage, workflowNames, actors, hidden, settled, filtering };
    }
    const kept = rows.filter(
      r =>
        pipelineMatches({ pipeline: r.pipeline, actor, branch }) &&
        (!status || (r.workflows !== undefined && statusMatches({ status: r.status, filter: status }))) &&
        (!test || (r.workflows !== undefined && hasWorkflowNamed({ workflows: r.workflows, test }))),
    );
    const covered = filterCoverage({
      shown: kept.length,
      count: rows.length,
      mine,
      status,
      workflow: test ? workflow : undefined,
      actor,
      branch,
    });
    const coverage = covered && tm(covered);
    return { rows: kept, coverage, workflowNames, actors, hidden, settled, filtering };
  }, [options.rows, scope, status, workflow, actor, mine, branch, t, tm]);
}
