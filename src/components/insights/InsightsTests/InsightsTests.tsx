import { ReactElement, useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Table, TableColumn } from '@backstage/core-components';
import type { TestMetric, TestMetrics } from '@circleci-backstage/plugin-circleci-common';
import { formatCount, formatSeconds } from '../../../domain/insights';
import { stripControl } from '../../../domain/text';
import { type CircleCITranslationFunction, useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link InsightsTests}.
 * @internal
 */
export interface InsightsTestsProps {
  /** The workflow's name. */
  workflowName: string;
  /** Its test metrics. */
  metrics: TestMetrics;
}

interface Row {
  id: string;
  name: string;
  classname: string;
  job: string;
  runs?: number;
  failed?: number;
  p95?: number;
}

function rowsOf(list: TestMetric[] | null | undefined): Row[] {
  return (list ?? []).map((m, i) => ({
    id: `${i}`,
    name: stripControl(m.test_name),
    classname: stripControl(m.classname),
    job: stripControl(m.job_name),
    runs: m.total_runs,
    failed: m.failed_runs,
    p95: m.p95_duration,
  }));
}

function columnsOf(t: CircleCITranslationFunction): TableColumn<Row>[] {
  return [
    { title: t('insights.testColumn'), field: 'name', highlight: true },
    { title: t('insights.classColumn'), field: 'classname', render: r => r.classname || '—' },
    { title: t('insights.jobColumn'), field: 'job' },
    { title: t('insights.testRunsColumn'), field: 'runs', type: 'numeric', render: r => formatCount(r.runs) },
    { title: t('insights.testFailedColumn'), field: 'failed', type: 'numeric', render: r => formatCount(r.failed) },
    { title: t('insights.testP95Column'), field: 'p95', type: 'numeric', render: r => formatSeconds(r.p95) },
  ];
}

/**
 * A workflow's most failed tests and its slowest tests, as CircleCI's
 * test metrics list them.
 * @internal
 */
export function InsightsTests(props: InsightsTestsProps): ReactElement {
  const { workflowName, metrics } = props;
  const { t } = useCircleCITranslation();
  const columns = useMemo(() => columnsOf(t), [t]);
  const failed = useMemo(() => rowsOf(metrics.most_failed_tests), [metrics]);
  const slowest = useMemo(() => rowsOf(metrics.slowest_tests), [metrics]);
  const workflow = stripControl(workflowName);
  if (failed.length === 0 && slowest.length === 0) {
    return <Typography variant="body2">{t('insights.noTests')}</Typography>;
  }
  const options = { padding: 'dense' as const, paging: false, search: false, draggable: false, overflowY: 'visible' as const };
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
      {failed.length > 0 && (
        <Table<Row> title={t('insights.mostFailedTitle', { workflow })} columns={columns} data={failed} options={options} />
      )}
      <Table<Row> title={t('insights.slowestTitle', { workflow })} columns={columns} data={slowest} options={options} />
    </Box>
  );
}
