import { ReactElement, useMemo } from 'react';
import Typography from '@material-ui/core/Typography';
import { Table, TableColumn } from '@backstage/core-components';
import type { JobMetrics } from '@circleci-backstage/plugin-circleci-common';
import { formatCount, formatPercent, formatSeconds, formatThroughput } from '../../../domain/insights';
import { stripControl } from '../../../domain/text';
import { type CircleCITranslationFunction, useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link InsightsJobs}.
 * @internal
 */
export interface InsightsJobsProps {
  /** The workflow's name. */
  workflowName: string;
  /** Its jobs' metrics. */
  jobs: JobMetrics[];
}

/** A row: the figures flattened, so that the table sorts by them (missing ones last). */
interface Row {
  name: string;
  successRate?: number;
  totalRuns?: number;
  failedRuns?: number;
  throughput?: number;
  p50?: number;
  p95?: number;
  max?: number;
  credits?: number;
}

function toRow(job: JobMetrics): Row {
  const m = job.metrics;
  return {
    name: stripControl(job.name),
    successRate: m.success_rate,
    totalRuns: m.total_runs,
    failedRuns: m.failed_runs,
    throughput: m.throughput,
    p50: m.duration_metrics.median,
    p95: m.duration_metrics.p95,
    max: m.duration_metrics.max,
    credits: m.total_credits_used,
  };
}

const numeric = (field: keyof Row, title: string, text: (n?: number) => string): TableColumn<Row> => ({
  title,
  field,
  type: 'numeric',
  customSort: (a, b) => ((a[field] as number | undefined) ?? -Infinity) - ((b[field] as number | undefined) ?? -Infinity),
  render: row => text(row[field] as number | undefined),
});

function columnsOf(t: CircleCITranslationFunction): TableColumn<Row>[] {
  return [
    { title: t('insights.jobColumn'), field: 'name', highlight: true },
    numeric('successRate', t('insights.successRateColumn'), formatPercent),
    numeric('totalRuns', t('insights.totalRunsColumn'), formatCount),
    numeric('failedRuns', t('insights.failedRunsColumn'), formatCount),
    numeric('throughput', t('insights.throughputColumn'), formatThroughput),
    numeric('p50', t('insights.p50Column'), formatSeconds),
    numeric('p95', t('insights.p95Column'), formatSeconds),
    numeric('max', t('insights.maxColumn'), formatSeconds),
    numeric('credits', t('insights.creditsColumn'), formatCount),
  ];
}

/**
 * The metrics of a workflow's jobs, sortable by any column (a click on its
 * header), so that the slowest or least successful job is one click away.
 * @internal
 */
export function InsightsJobs(props: InsightsJobsProps): ReactElement {
  const { workflowName, jobs } = props;
  const { t } = useCircleCITranslation();
  const columns = useMemo(() => columnsOf(t), [t]);
  const rows = useMemo(() => jobs.map(toRow), [jobs]);
  return (
    <Table<Row>
      title={t('insights.jobsTitle', { workflow: stripControl(workflowName) })}
      columns={columns}
      data={rows}
      options={{ padding: 'dense', paging: false, search: false, sorting: true, draggable: false, overflowY: 'visible' }}
      emptyContent={<Typography variant="body2" style={{ padding: 16 }}>{t('insights.noJobs')}</Typography>}
    />
  );
}
