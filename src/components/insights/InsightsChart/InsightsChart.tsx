import { lazy, ReactElement, Suspense, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import type { WorkflowRun } from '@circleci-backstage/plugin-circleci-common';
import { formatSeconds } from '../../../domain/insights';
import { newestFirst, runPoints, runTimeText } from '../../../domain/insightsRuns';
import { stripControl } from '../../../domain/text';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { useCircleCIPaths } from '../../../navigation';
import { StatusLabel } from '../../shared/StatusLabel';
import { VisuallyHidden } from '../../shared/VisuallyHidden';

/** recharts is in a chunk of its own, loaded by the Insights view only. */
const loadRunsPlot = () => import('./RunsPlot');
const RunsPlot = lazy(loadRunsPlot);

/**
 * Starts loading the chart's chunk (recharts) without waiting for a chart
 * to render, so that the chunk loads while the metrics are requested
 * rather than after them. Loading twice costs nothing: the bundler keeps
 * one promise per chunk.
 * @internal
 */
export function preloadInsightsChart(): void {
  loadRunsPlot().catch(() => {
    // A failed preload is retried by the chart's own lazy import, which shows the error.
  });
}

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', '& th, & td': { textAlign: 'left', padding: '4px 8px' } },
});

/**
 * Props of {@link InsightsChart}.
 * @internal
 */
export interface InsightsChartProps {
  /** The workflow's name. */
  workflowName: string;
  /** Its recent runs, as Insights lists them. */
  runs: WorkflowRun[];
}

/**
 * The recent runs of a workflow: duration over time, each point coloured
 * by status; a click opens that run's workflow page in the tab. The same
 * runs are in a table, visually hidden under the chart (for screen
 * readers) and shown instead of it with "Show as table".
 * @internal
 */
export function InsightsChart(props: InsightsChartProps): ReactElement {
  const { workflowName, runs } = props;
  const classes = useStyles();
  const { t } = useCircleCITranslation();
  const paths = useCircleCIPaths();
  const navigate = useNavigate();
  const [asTable, setAsTable] = useState(false);
  const points = useMemo(() => runPoints(runs), [runs]);
  const name = stripControl(workflowName);
  if (runs.length === 0) {
    return <Typography variant="body2">{t('insights.noRuns')}</Typography>;
  }
  const table = (
    <table className={classes.table} data-testid="insights-runs-table">
      <VisuallyHidden component="caption">{t('insights.runsTableCaption', { workflow: name })}</VisuallyHidden>
      <thead>
        <tr>
          <th scope="col">{t('insights.startedColumn')}</th>
          <th scope="col">{t('insights.durationColumn')}</th>
          <th scope="col">{t('insights.statusColumn')}</th>
          <th scope="col">{t('insights.branchColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {newestFirst(runs).map(run => (
          <tr key={run.id}>
            <td>
              <Link to={paths.workflow({ workflowId: run.id })} tabIndex={asTable ? undefined : -1}>
                {runTimeText(run.created_at)}
              </Link>
            </td>
            <td>{formatSeconds(run.duration)}</td>
            <td>
              <StatusLabel status={run.status} />
            </td>
            <td>{stripControl(run.branch) || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Box>
      <Box display="flex" alignItems="center" justifyContent="space-between" flexWrap="wrap">
        <Typography variant="caption" color="textSecondary">
          {t('insights.chartHint')}
        </Typography>
        <Button size="small" onClick={() => setAsTable(v => !v)} aria-pressed={asTable}>
          {asTable ? t('insights.showChart') : t('insights.showTable')}
        </Button>
      </Box>
      {asTable ? (
        table
      ) : (
        <>
          <div aria-hidden data-testid="insights-chart">
            <Suspense fallback={<Typography variant="body2">{t('insights.chartLoading')}</Typography>}>
              <RunsPlot
                points={points}
                labels={{ duration: t('insights.durationColumn') }}
                onOpen={p => navigate(paths.workflow({ workflowId: p.id }))}
              />
            </Suspense>
          </div>
          <VisuallyHidden component="div">{table}</VisuallyHidden>
        </>
      )}
    </Box>
  );
}
