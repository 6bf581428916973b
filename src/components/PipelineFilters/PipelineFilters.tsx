import { ReactElement, useId } from 'react';
import TextField from '@material-ui/core/TextField';
import { STATUS_FILTERS, StatusFilter, parseStatusFilter } from '../../domain/pipelineFilters';
import { statusText } from '../../domain/statusLabels';
import { useCircleCITranslation } from '../../hooks/useCircleCITranslation';

/**
 * The status and workflow filters of the pipelines page.
 * @internal
 */
export interface PipelineFilterValues {
  /** Only pipelines with this status. */
  status?: StatusFilter;
  /** Only pipelines with a workflow of this name (or simple glob). */
  workflow?: string;
}

/**
 * Props of {@link PipelineFilters}.
 * @internal
 */
export interface PipelineFiltersProps extends PipelineFilterValues {
  /** The workflow names seen in what has been loaded. */
  workflowNames: string[];
  /** Called with the new filters. */
  onChange: (next: PipelineFilterValues) => void;
}

/**
 * Two selects: the status, and the workflow name, of the pipelines shown.
 * @internal
 */
export function PipelineFilters(props: PipelineFiltersProps): ReactElement {
  const { status, workflow, workflowNames, onChange } = props;
  const { t, translate } = useCircleCITranslation();
  const id = useId();
  const names = workflow && !workflowNames.includes(workflow) ? [workflow, ...workflowNames] : workflowNames;
  return (
    <>
      <TextField
        select
        size="small"
        variant="outlined"
        id={`${id}-status`}
        label={t('filters.status')}
        value={status ?? ''}
        SelectProps={{ native: true }}
        onChange={e => onChange({ status: parseStatusFilter(e.target.value), workflow })}
      >
        <option value="">{t('filters.anyStatus')}</option>
        {STATUS_FILTERS.map(s => (
          <option key={s} value={s}>
            {t('filters.onlyStatus', { status: statusText(s, translate) })}
          </option>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        variant="outlined"
        id={`${id}-workflow`}
        label={t('filters.workflow')}
        value={workflow ?? ''}
        SelectProps={{ native: true }}
        onChange={e => onChange({ status, workflow: e.target.value || undefined })}
      >
        <option value="">{t('filters.anyWorkflow')}</option>
        {names.map(n => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </TextField>
    </>
  );
}
