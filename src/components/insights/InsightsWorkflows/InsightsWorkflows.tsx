import { CSSProperties, ReactElement, ReactNode, useMemo } from 'react';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import { Table, TableColumn } from '@backstage/core-components';
import type { WorkflowMetrics, WorkflowSummary } from '@circleci-backstage/plugin-circleci-common';
import {
  formatCount,
  formatPercent,
  formatSeconds,
  formatThroughput,
  type TrendMetric,
} from '../../../domain/insights';
import { stripControl } from '../../../domain/text';
import { type CircleCITranslationFunction, useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { InsightsTrend } from '../InsightsTrend';

/**
 * Props of {@link InsightsWorkflows}.
 * @internal
 */
export interface InsightsWorkflowsProps {
  /** The workflows' metrics, in the order shown. */
  workflows: WorkflowMetrics[];
  /** The workflows' summaries, by name, for the trends (missing ones show none). */
  summaries?: ReadonlyMap<string, { value?: WorkflowSummary }>;
}

interface Row {
  id: string;
  first: boolean;
  name: string;
  successRate?: number;
  totalRuns?: number;
  failedRuns?: number;
  successfulRuns?: number;
  throughput?: number;
  mttr?: number;
  p50?: number;
  p95?: number;
  max?: number;
  credits?: number;
  trends?: WorkflowSummary['trends'];
}

function toRow(w: WorkflowMetrics, index: number, summary?: WorkflowSummary): Row {
  const m = w.metrics;
  return {
    id: w.name,
    first: index === 0,
    name: stripControl(w.name),
    successRate: m.success_rate,
    totalRuns: m.total_runs,
    failedRuns: m.failed_runs,
    successfulRuns: m.successful_runs,
    throughput: m.throughput,
    mttr: m.mttr,
    p50: m.duration_metrics.median,
    p95: m.duration_metrics.p95,
    max: m.duration_metrics.max,
    credits: m.total_credits_used,
    trends: summary?.trends,
  };
}

function cell(text: string, trend?: { metric: TrendMetric; row: Row }): ReactNode {
  if (!trend) return text;
  return (
    <Box display="flex" flexDirection="column" alignItems="flex-end">
      <span>{text}</span>
      <InsightsTrend metric={trend.metric} ratio={trend.row.trends?.[trend.metric]} />
    </Box>
  );
}

const useStyles = makeStyles({
  // The sort arrow takes its room only on the column sorted by: 11 hidden
  // arrows would take about 290 px, which a paper beside a sidebar lacks.
  root: {
    '& .MuiTableSortLabel-root:not(.MuiTableSortLabel-active) .MuiTableSortLabel-icon': { display: 'none' },
  },
});

/** Headings wrap between words, never inside one ("Time to / recovery"). */
const COMPACT_HEADER: CSSProperties = {
  padding: '6px 8px',
  whiteSpace: 'normal',
  wordBreak: 'normal',
  overflowWrap: 'normal',
};
/** A new object per column: core-components' Table writes into a highlighted column's style. */
function compactCell(): CSSProperties {
  return { padding: '6px 8px', wordBreak: 'normal', overflowWrap: 'normal' };
}
/**
 * Widths follow the content: without a width, material-table gives every
 * column an equal share of its first measured width, fixed in pixels.
 */
const AUTO = 'auto';

type Field = Exclude<keyof Row, 'id' | 'first' | 'name' | 'trends'>;

function column(options: {
  field: Field;
  title: string;
  text: (n?: number) => string;
  trend?: TrendMetric;
}): TableColumn<Row> {
  const { field, title, text, trend } = options;
  return {
    title,
    field,
    type: 'numeric',
    cellStyle: compactCell(),
    width: AUTO,
    customSort: (a, b) => (a[field] ?? -Infinity) - (b[field] ?? -Infinity),
    render: row => cell(text(row[field]), trend && { metric: trend, row }),
  };
}

function columnsOf(t: CircleCITranslationFunction): TableColumn<Row>[] {
  return [
    { title: t('insights.workflowColumn'), field: 'name', highlight: true, cellStyle: compactCell(), width: AUTO },
    {
      title: t('insights.successRateColumn'),
      field: 'successRate',
      type: 'numeric',
      cellStyle: compactCell(),
      width: AUTO,
      customSort: (a, b) => (a.successRate ?? -Infinity) - (b.successRate ?? -Infinity),
      render: row => (
        <Box
          data-testid={row.first ? 'insights-success-rate' : undefined}
          data-workflow={row.id}
          display="flex"
          flexDirection="column"
          alignItems="flex-end"
        >
          <span>{formatPercent(row.successRate)}</span>
          <InsightsTrend metric="success_rate" ratio={row.trends?.success_rate} />
        </Box>
      ),
    },
    column({ field: 'totalRuns', title: t('insights.totalRunsColumn'), text: formatCount, trend: 'total_runs' }),
    column({ field: 'failedRuns', title: t('insights.failedRunsColumn'), text: formatCount, trend: 'failed_runs' }),
    column({ field: 'successfulRuns', title: t('insights.successfulRunsColumn'), text: formatCount }),
    column({ field: 'throughput', title: t('insights.throughputColumn'), text: formatThroughput, trend: 'throughput' }),
    column({ field: 'mttr', title: t('insights.mttrColumn'), text: formatSeconds, trend: 'mttr' }),
    column({ field: 'p50', title: t('insights.p50Column'), text: formatSeconds, trend: 'median_duration_secs' }),
    column({ field: 'p95', title: t('insights.p95Column'), text: formatSeconds, trend: 'p95_duration_secs' }),
    column({ field: 'max', title: t('insights.maxColumn'), text: formatSeconds }),
    column({ field: 'credits', title: t('insights.creditsColumn'), text: formatCount, trend: 'total_credits_used' }),
  ];
}

/**
 * The metrics of a project's workflows, one row each: success rate, runs
 * (total, failed, successful), runs per day, time to recovery, duration
 * p50/p95/max and credits, with the trend against the previous window
 * under each figure once the summaries are in. Sortable by any column.
 * The first row's success rate is `data-testid="insights-success-rate"`.
 * @internal
 */
export function InsightsWorkflows(props: InsightsWorkflowsProps): ReactElement {
  const { workflows, summaries } = props;
  const { t } = useCircleCITranslation();
  const classes = useStyles();
  const columns = useMemo(() => columnsOf(t), [t]);
  const rows = useMemo(
    () => workflows.map((w, i) => toRow(w, i, summaries?.get(w.name)?.value)),
    [workflows, summaries],
  );
  return (
    <div className={classes.root}>
    <Table<Row>
      title={t('insights.workflowsTitle')}
      columns={columns}
      data={rows}
      // `overflowY: 'visible'`: material-table's own horizontal scroller is then the only one, so a
      // table wider than its paper scrolls there with one scroll bar (`auto` nests a second one).
      // Narrow side padding and headings that wrap at spaces: the 11 columns fit a paper beside a sidebar.
      options={{
        padding: 'dense',
        paging: false,
        search: false,
        sorting: true,
        draggable: false,
        overflowY: 'visible',
        headerStyle: COMPACT_HEADER,
      }}
    />
    </div>
  );
}
