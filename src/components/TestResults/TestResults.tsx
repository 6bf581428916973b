import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { Table, TableColumn } from '@backstage/core-components';
import type { TestResult } from '../../api/types';
import { stripControl } from '../../domain/text';
import { StatusLabel } from '../StatusLabel';

/**
 * How a test ended, as the plugin groups reporters' result strings.
 * @public
 */
export type TestOutcome = 'failed' | 'passed' | 'skipped' | 'other';

/**
 * Which tests {@link TestResults} shows.
 * @public
 */
export type TestFilter = 'all' | 'failed' | 'passed' | 'skipped';

/**
 * Props of {@link TestResults}.
 * @public
 */
export interface TestResultsProps {
  tests: TestResult[];
  /** True when CircleCI had more results than were loaded. */
  truncated?: boolean;
}

/** Maps a reporter's result string (`success`, `failure`, `skipped`, ...) to an outcome. */
export function testOutcome(result: string): TestOutcome {
  switch (result.toLowerCase()) {
    case 'success':
    case 'passed':
    case 'pass':
      return 'passed';
    case 'failure':
    case 'failed':
    case 'error':
      return 'failed';
    case 'skipped':
    case 'skip':
    case 'disabled':
      return 'skipped';
    default:
      return 'other';
  }
}

const ORDER: Record<TestOutcome, number> = { failed: 0, other: 1, passed: 2, skipped: 3 };
const STATUS: Record<TestOutcome, string> = {
  failed: 'failed',
  other: 'unknown',
  passed: 'success',
  skipped: 'not_run',
};
const LABEL: Record<TestOutcome, string> = {
  failed: 'Failed',
  other: 'Other',
  passed: 'Passed',
  skipped: 'Skipped',
};

interface Row {
  id: number;
  outcome: TestOutcome;
  result: string;
  name: string;
  classname: string;
  file: string;
  message: string;
  runTime: number;
}

const columns: TableColumn<Row>[] = [
  {
    title: 'Result',
    field: 'outcome',
    width: '120px',
    render: row => (
      <StatusLabel status={STATUS[row.outcome]}>
        {row.outcome === 'other' ? row.result : LABEL[row.outcome]}
      </StatusLabel>
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
    render: row => `${row.runTime.toFixed(2)} s`,
  },
];

/**
 * The test results of a job: counts of passed, failed and skipped tests, a
 * filter by result, and the tests with failures first, each failure with
 * its message (as text). Says so, and why that can be, when there are none.
 * @public
 */
export function TestResults(props: TestResultsProps) {
  const { tests, truncated } = props;
  const [filter, setFilter] = useState<TestFilter>('all');
  const rows = useMemo(
    () =>
      tests
        .map((t, id): Row => ({
          id,
          outcome: testOutcome(t.result),
          result: stripControl(t.result),
          name: stripControl(t.name),
          classname: stripControl(t.classname),
          file: stripControl(t.file ?? ''),
          message: stripControl(t.message),
          runTime: Number.isFinite(t.run_time) ? t.run_time : 0,
        }))
        .sort((a, b) => ORDER[a.outcome] - ORDER[b.outcome] || a.id - b.id),
    [tests],
  );
  const counts = useMemo(() => {
    const c: Record<TestOutcome, number> = { failed: 0, other: 0, passed: 0, skipped: 0 };
    for (const row of rows) c[row.outcome]++;
    return c;
  }, [rows]);

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
  const summary = `${tests.length} tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${counts.other ? `, ${counts.other} other` : ''}`;
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
