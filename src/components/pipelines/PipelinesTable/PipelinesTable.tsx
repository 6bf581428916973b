import { memo, ReactElement, ReactNode, useMemo } from 'react';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Progress } from '@backstage/core-components';
import { useProgressiveCount } from '../hooks/useProgressiveCount';
import { PipelineColumnContext, type PipelineColumnContextValue } from './columnContext';
import { defaultCircleCIPipelineColumns } from './columns';
import type { PipelineColumn, PipelineRow, WorkflowLinkOptions } from './types';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { useCircleCIPaths } from '../../../navigation';

/**
 * Props of {@link PipelinesTable}.
 * @internal
 */
export interface PipelinesTableProps extends WorkflowLinkOptions {
  /**
   * The rows. Keep a row's object identical while its data is unchanged:
   * only rows whose object changes are rendered again.
   */
  rows: PipelineRow[];
  /** Shown as the table's title. */
  title?: string | ReactElement;
  /** True while the first page loads. */
  loading?: boolean;
  /**
   * Replaces the default columns (`defaultCircleCIPipelineColumns()`). Keep
   * the array stable: a new array renders every row again.
   */
  columns?: PipelineColumn[];
  /** Shown below the rows, e.g. a "load more" control. */
  footer?: ReactNode;
}

const useStyles = makeStyles(theme => {
  // Narrow side padding: seven columns share the paper's width, and the
  // first and last keep the paper's usual inset.
  const compact = {
    wordBreak: 'normal',
    overflowWrap: 'normal',
    padding: theme.spacing(0.75, 1),
    '&:first-child': { paddingLeft: theme.spacing(2) },
    '&:last-child': { paddingRight: theme.spacing(2) },
  } as const;
  return {
    header: {
      display: 'flex',
      alignItems: 'center',
      minHeight: 64,
      padding: theme.spacing(1, 2),
    },
    // Backstage's theme gives table cells `word-break: break-word`, which lets
    // a narrow column break words anywhere ("2 minute s ago"). Here text
    // wraps only at spaces; short values and branch names do not wrap at all.
    head: { ...compact, whiteSpace: 'nowrap' },
    cell: { ...compact, verticalAlign: 'top' },
    // Where the columns cannot fit (a narrow window, wide custom columns),
    // the table scrolls sideways inside its paper, never the page.
    scroller: { overflowX: 'auto' },
  };
});

const FIRST_PAINT_ROWS = 8;
/** Built once: the rows are memoised on their columns too. */
const DEFAULT_COLUMNS = defaultCircleCIPipelineColumns();

interface RowProps {
  row: PipelineRow;
  columns: PipelineColumn[];
  cellClass: string;
}

// Memoised: when the workflows of a few pipelines arrive, only their rows
// render again, not the whole table.
const PipelineTableRow = memo(function PipelineTableRowView(props: RowProps) {
  const { row, columns, cellClass } = props;
  return (
    <TableRow>
      {columns.map(column => (
        <TableCell key={column.id} className={cellClass}>
          {column.render(row)}
        </TableCell>
      ))}
    </TableRow>
  );
});

/**
 * A table of pipelines. Purely presentational: the rows come from the
 * container, which loads them. A plain MUI table rather than
 * core-components' `Table`: the pipelines list re-renders as each
 * pipeline's workflows arrive, and material-table renders every row again
 * on each change (see docs/performance.md).
 * @internal
 */
export function PipelinesTable(props: PipelinesTableProps): ReactElement {
  const { rows, title, loading, columns, footer, workflowLink } = props;
  const classes = useStyles();
  const { t, tm } = useCircleCITranslation();
  const paths = useCircleCIPaths();
  const context = useMemo<PipelineColumnContextValue>(
    () => ({ workflowLink, t, tm, commitLink: paths.commit }),
    [workflowLink, t, tm, paths],
  );
  const shown = columns ?? DEFAULT_COLUMNS;
  // About a screenful first; the rest a frame later.
  const count = useProgressiveCount({ total: rows.length, initial: FIRST_PAINT_ROWS });
  return (
    <PipelineColumnContext.Provider value={context}>
      <Paper>
        <div className={classes.header}>
          {typeof title === 'string' || title === undefined ? (
            <Typography variant="h5" component="h2">
              {title ?? t('pipelines.title')}
            </Typography>
          ) : (
            title
          )}
        </div>
        {loading && <Progress />}
        <div className={classes.scroller}>
        <Table size="small" aria-label={t('pipelines.title')}>
          <TableHead>
            <TableRow>
              {shown.map(column => (
                <TableCell key={column.id} className={classes.head} style={{ width: column.width }}>
                  {column.title}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.slice(0, count).map(row => (
              <PipelineTableRow key={row.id} row={row} columns={shown} cellClass={classes.cell} />
            ))}
          </TableBody>
        </Table>
        </div>
      </Paper>
      {footer}
    </PipelineColumnContext.Provider>
  );
}
