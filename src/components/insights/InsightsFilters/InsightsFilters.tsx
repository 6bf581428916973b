import { ReactElement, useId } from 'react';
import Box from '@material-ui/core/Box';
import type { ReportingWindow } from '@circleci-backstage/plugin-circleci-common';
import {
  ALL_BRANCHES_VALUE,
  branchChoices,
  branchScopeValue,
  type InsightsBranchScope,
  parseReportingWindow,
  REPORTING_WINDOWS,
} from '../../../domain/insights';
import { stripControl } from '../../../domain/text';
import { type CircleCITranslationFunction, useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { SelectField } from '../../shared/SelectField';

/**
 * Props of {@link InsightsFilters}.
 * @internal
 */
export interface InsightsFiltersProps {
  /** The window shown. */
  reportingWindow: ReportingWindow;
  /** Called with the window picked. */
  onWindowChange: (next: ReportingWindow) => void;
  /** The branches shown. */
  scope: InsightsBranchScope;
  /** Called with the URL's `branch` value picked (undefined: the default branch). */
  onBranchChange: (next: string | undefined) => void;
  /** The project's default branch, once known. */
  defaultBranch?: string;
  /** The branches Insights knows, once loaded. */
  branches?: string[];
}

const DEFAULT_OPTION = '';

function windowLabel(t: CircleCITranslationFunction, w: ReportingWindow): string {
  switch (w) {
    case 'last-24-hours':
      return t('insights.windowLast24Hours');
    case 'last-7-days':
      return t('insights.windowLast7Days');
    case 'last-60-days':
      return t('insights.windowLast60Days');
    case 'last-90-days':
      return t('insights.windowLast90Days');
    default:
      return t('insights.windowLast30Days');
  }
}

/** The window's text, as in the picker (for messages such as "no runs in the last 30 days"). */
export function useWindowLabel(w: ReportingWindow): string {
  const { t } = useCircleCITranslation();
  return windowLabel(t, w);
}

/**
 * The view's reporting window and branch pickers (native selects): the
 * default branch first, then the branches Insights knows, then all
 * branches.
 * @internal
 */
export function InsightsFilters(props: InsightsFiltersProps): ReactElement {
  const { reportingWindow, onWindowChange, scope, onBranchChange, defaultBranch, branches } = props;
  const { t } = useCircleCITranslation();
  const id = useId();
  const others = branchChoices({ defaultBranch, branches, current: scope }).filter(b => b !== defaultBranch);
  const isDefault = scope.kind === 'branch' && scope.branch === defaultBranch;
  const value = isDefault ? DEFAULT_OPTION : branchScopeValue(scope) ?? DEFAULT_OPTION;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }} my={1}>
      <SelectField
        id={`${id}-window`}
        label={t('insights.windowLabel')}
        value={reportingWindow}
        onChange={v => onWindowChange(parseReportingWindow(v))}
      >
        {REPORTING_WINDOWS.map(w => (
          <option key={w} value={w}>
            {windowLabel(t, w)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${id}-branch`}
        label={t('insights.branchLabel')}
        value={value}
        onChange={v => onBranchChange(v === DEFAULT_OPTION ? undefined : v)}
      >
        <option value={DEFAULT_OPTION}>
          {defaultBranch
            ? t('insights.defaultBranchNamed', { branch: stripControl(defaultBranch) })
            : t('insights.defaultBranch')}
        </option>
        {others.map(b => (
          <option key={b} value={b}>
            {stripControl(b)}
          </option>
        ))}
        <option value={ALL_BRANCHES_VALUE}>{t('insights.allBranches')}</option>
      </SelectField>
    </Box>
  );
}
