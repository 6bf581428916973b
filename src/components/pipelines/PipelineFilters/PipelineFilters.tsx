import { ReactElement, useId } from 'react';
import type { PipelineFilterValues } from '../../../domain/filterParams';
import { STATUS_FILTERS, parseStatusFilter } from '../../../domain/pipelineFilters';
import { statusText } from '../../../domain/statusLabels';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { SelectField } from '../../shared/SelectField';

export type { PipelineFilterValues } from '../../../domain/filterParams';

/**
 * Props of {@link PipelineFilters}.
 * @internal
 */
export interface PipelineFiltersProps extends PipelineFilterValues {
  /** The workflow names seen in what has been loaded. */
  workflowNames: string[];
  /** The logins seen in what has been loaded. */
  actors: string[];
  /** True when CircleCI lists the user's own pipelines: "Only mine" is offered. */
  mineAvailable?: boolean;
  /** True while CircleCI is asked about "mine": the option is there, disabled, until it answers. */
  mineChecking?: boolean;
  /** Called on intent to use the "triggered by" filter (hover, focus), to find out about "mine". */
  onTriggeredByIntent?: () => void;
  /** Called with the new filters. */
  onChange: (next: PipelineFilterValues) => void;
}

const MINE = '\u0000mine';

/**
 * Three selects: the status, the workflow name and who triggered the
 * pipelines shown ("Only mine" when CircleCI answers `pipeline/mine`).
 * @internal
 */
export function PipelineFilters(props: PipelineFiltersProps): ReactElement {
  const { status, workflow, actor, mine, workflowNames, actors, onChange } = props;
  const { t, tm } = useCircleCITranslation();
  const id = useId();
  const values: PipelineFilterValues = { status, workflow, actor, mine };
  const names = workflow && !workflowNames.includes(workflow) ? [workflow, ...workflowNames] : workflowNames;
  let triggeredBy = actor ?? '';
  if (mine) triggeredBy = MINE;
  return (
    <>
      <SelectField
        id={`${id}-status`}
        label={t('filters.status')}
        value={status ?? ''}
        onChange={v => onChange({ ...values, status: parseStatusFilter(v) })}
      >
        <option value="">{t('filters.anyStatus')}</option>
        {STATUS_FILTERS.map(s => (
          <option key={s} value={s}>
            {t('filters.onlyStatus', { status: tm(statusText(s)) })}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${id}-workflow`}
        label={t('filters.workflow')}
        value={workflow ?? ''}
        onChange={v => onChange({ ...values, workflow: v || undefined })}
      >
        <option value="">{t('filters.anyWorkflow')}</option>
        {names.map(n => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${id}-actor`}
        label={t('filters.triggeredBy')}
        value={triggeredBy}
        onIntent={props.onTriggeredByIntent}
        onChange={value => {
          onChange({
            ...values,
            mine: value === MINE || undefined,
            actor: value && value !== MINE ? value : undefined,
          });
        }}
      >
        <option value="">{t('filters.anyone')}</option>
        {/* One option from the first hover on: the check's answer changes it in place (enabled, or
            gone if refused), which an open native select shows at once, unlike an inserted option. */}
        {(props.mineAvailable || mine || props.mineChecking) && (
          <option value={MINE} disabled={!props.mineAvailable && !mine}>
            {props.mineAvailable || mine ? t('filters.onlyMine') : t('filters.checkingMine')}
          </option>
        )}
        {actors.map(a => (
          <option key={a} value={a}>
            {t('filters.onlyActor', { actor: a })}
          </option>
        ))}
      </SelectField>
    </>
  );
}
