import { ReactElement, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { Table, TableColumn } from '@backstage/core-components';
import type { TestResult } from '../../api/types';
import {
  countOutcomes,
  testOutcomeStatus,
  testResultLabel,
  testRows,
  testRunTimeText,
  testSummary,
} from '../../domain/tests';
import type { TestRow } from '../../domain/tests';
import { StatusLabel } from '../StatusLabel';

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

const columns: TableColumn<Row>[] = [
  {
    title: 'Result',
    field: 'outcome',
    width: '120px',
    render: row => (
      <StatusLabel status={testOutcomeStatus(row.outcome)}>{testResultLabel(row)}</StatusLabel>
    ),
  },
  {
    title: 'Test',
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
  { title: 'Class', field: 'classname', hidden: true },
  { title: 'File', field: 'file', hidden: true },
  {
    title: 'Time',
    field: 'runTime',
    width: '100px',
    type: 'numeric',
    render: row => testRunTimeText(row.runTime),
  },
];

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

  if (tests.length === 0) {
    return (
      <Box data-testid="no-test-results">
        <Typography variant="body2" paragraph>
          This job has no test results.
        </Typography>
        <Typography variant="body2" color="textSecondary">
          CircleCI shows tests only for jobs that upload them with the{' '}
          <code>store_test_results</code> step. Results may also not have been stored: for
          example, CircleCI does not keep test results larger than 250 MB.
        </Typography>
      </Box>
    );
  }

  const shown = filter === 'all' ? rows : rows.filter(r => r.outcome === filter);
  const summary = testSummary(counts);
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
          aria-label="Filter tests by result"
        >
          <ToggleButton value="all">All ({tests.length})</ToggleButton>
          <ToggleButton value="failed">Failed ({counts.failed})</ToggleButton>
          <ToggleButton value="passed">Passed ({counts.passed})</ToggleButton>
          <ToggleButton value="skipped">Skipped ({counts.skipped})</ToggleButton>
        </ToggleButtonGroup>
      </Box>
      {truncated && (
        <Typography variant="caption" color="textSecondary">
          Only the first {tests.length} results are shown.
        </Typography>
      )}
      <Table<Row>
        title="Tests"
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
            <Typography variant="body2">No tests match this filter.</Typography>
          </Box>
        }
      />
    </Box>
  );
}
