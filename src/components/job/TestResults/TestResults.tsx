import { ReactElement, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { Table, TableColumn } from '@backstage/core-components';
import type { TestResult } from '@circleci-backstage/plugin-circleci-common';
import {
  countOutcomes,
  testOutcomeStatus,
  testResultLabel,
  testRows,
  testRunTimeText,
  testSummary,
} from '../../../domain/tests';
import type { TestRow } from '../../../domain/tests';
import { StatusLabel } from '../../shared/StatusLabel';
import {
  type CircleCITranslateMessage,
  type CircleCITranslationFunction,
  useCircleCITranslation,
} from '../../../hooks/useCircleCITranslation';

/**
 * Which tests {@link TestResults} shows.
 * @internal
 */
export type TestFilter = 'all' | 'failed' | 'passed' | 'skipped';

/**
 * Props of {@link TestResults}.
 * @internal
 */
export interface TestResultsProps {
  /** The job's test results, as loaded. */
  tests: TestResult[];
  /** True when CircleCI had more results than were loaded. */
  truncated?: boolean;
}

type Row = TestRow;

function columnsOf(t: CircleCITranslationFunction, tm: CircleCITranslateMessage): TableColumn<Row>[] {
  return [
    {
      title: t('tests.resultColumn'),
      field: 'outcome',
      width: '120px',
      render: row => (
        <StatusLabel status={testOutcomeStatus(row.outcome)}>{tm(testResultLabel(row))}</StatusLabel>
      ),
    },
    {
      title: t('tests.testColumn'),
      field: 'name',
      render: row => (
        <Box data-testid="test-result">
          <Typography variant="body2">{row.name}</Typography>
          <Typography variant="caption" color="textSecondary">
            {[row.classname, row.file].filter(Boolean).join(' · ')}
          </Typography>
          {row.outcome === 'failed' && row.message && (
            <Box
              component="pre"
              m={0}
              mt={1}
              p={1}
              style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: '0.8rem' }}
              bgcolor="action.hover"
            >
              {row.message}
            </Box>
          )}
        </Box>
      ),
    },
    { title: t('tests.classColumn'), field: 'classname', hidden: true },
    { title: t('tests.fileColumn'), field: 'file', hidden: true },
    {
      title: t('tests.timeColumn'),
      field: 'runTime',
      width: '100px',
      type: 'numeric',
      render: row => testRunTimeText(row.runTime),
    },
  ];
}

/**
 * The test results of a job: counts of passed, failed and skipped tests, a
 * filter by result, and the tests with failures first, each failure with
 * its message (as text). Says so, and why that can be, when there are none.
 * @internal
 */
export function TestResults(props: TestResultsProps): ReactElement {
  const { tests, truncated } = props;
  const [filter, setFilter] = useState<TestFilter>('all');
  const rows = useMemo(() => testRows(tests), [tests]);
  const counts = useMemo(() => countOutcomes(rows), [rows]);
  const { t, tm } = useCircleCITranslation();
  const columns = useMemo(() => columnsOf(t, tm), [t, tm]);

  if (tests.length === 0) {
    return (
      <Box data-testid="no-test-results">
        <Typography variant="body2" paragraph>
          {t('tests.noneTitle')}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {t('tests.noneHint', { step: <code>store_test_results</code> })}
        </Typography>
      </Box>
    );
  }

  const shown = filter === 'all' ? rows : rows.filter(r => r.outcome === filter);
  const summary = tm(testSummary(counts));
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
      <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 16 }}>
        <Typography variant="body2" data-testid="test-summary">
          {summary}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={filter}
          onChange={(_e, value: TestFilter | null) => value && setFilter(value)}
          aria-label={t('tests.filterName')}
        >
          <ToggleButton value="all">{t('tests.all', { count: tests.length })}</ToggleButton>
          <ToggleButton value="failed">{t('tests.failed', { count: counts.failed })}</ToggleButton>
          <ToggleButton value="passed">{t('tests.passed', { count: counts.passed })}</ToggleButton>
          <ToggleButton value="skipped">{t('tests.skipped', { count: counts.skipped })}</ToggleButton>
        </ToggleButtonGroup>
      </Box>
      {truncated && (
        <Typography variant="caption" color="textSecondary">
          {t('tests.truncated', { count: tests.length })}
        </Typography>
      )}
      <Table<Row>
        title={t('tests.title')}
        columns={columns}
        data={shown.map(r => ({ ...r }))}
        options={{
          padding: 'dense',
          paging: shown.length > 50,
          pageSize: 50,
          pageSizeOptions: [50, 100, 250],
          draggable: false,
          emptyRowsWhenPaging: false,
        }}
        emptyContent={
          <Box p={2}>
            <Typography variant="body2">{t('tests.noMatch')}</Typography>
          </Box>
        }
      />
    </Box>
  );
}
