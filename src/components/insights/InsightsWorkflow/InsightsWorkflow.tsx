import { ReactElement, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { Progress } from '@backstage/core-components';
import type { ReportingWindow } from '@circleci-backstage/plugin-circleci-common';
import type { InsightsBranchScope } from '../../../domain/insights';
import { stripControl } from '../../../domain/text';
import type { ChartRuns } from '../../../query/insightsQueries';
import { WORKFLOW_RUN_PAGES } from '../../../query/pageCaps';
import type { ResourceState } from '../../../query/useCircleCIQuery';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { useInsightsJobs } from '../hooks/useInsightsJobs';
import { useInsightsTestMetrics } from '../hooks/useInsightsTestMetrics';
import { InsightsError } from '../InsightsError';
import { InsightsChart } from '../InsightsChart';
import { InsightsJobs } from '../InsightsJobs';
import { InsightsTests } from '../InsightsTests';

/**
 * Props of {@link InsightsWorkflow}.
 * @internal
 */
export interface InsightsWorkflowProps {
  /** The project's slug string. */
  slug: string;
  /** Which branches. */
  scope: InsightsBranchScope;
  /** The reporting window (of the jobs' metrics). */
  reportingWindow: ReportingWindow;
  /** The workflow's name. */
  workflowName: string;
  /** Its runs in the window, once it is charted. */
  runs?: ResourceState<ChartRuns>;
  /** Charts the workflow; given while it is not charted (its runs are not loaded). */
  onChart?: () => void;
}

/** The jobs and tests of a workflow: mounted on demand, so their two requests are sent only then. */
function Details(props: Omit<InsightsWorkflowProps, 'runs' | 'onChart'>): ReactElement {
  const { slug, scope, reportingWindow, workflowName } = props;
  const jobs = useInsightsJobs({ slug, scope, workflowName, reportingWindow });
  const tests = useInsightsTestMetrics({ slug, scope, workflowName });
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }} mt={1}>
      {jobs.loading && <Progress />}
      {jobs.error && <InsightsError error={jobs.error} project={slug} />}
      {jobs.value && <InsightsJobs workflowName={workflowName} jobs={jobs.value} />}
      {tests.loading && <Progress />}
      {tests.error && <InsightsError error={tests.error} project={slug} />}
      {tests.value && <InsightsTests workflowName={workflowName} metrics={tests.value} />}
    </Box>
  );
}

/**
 * One workflow's section: the chart of its runs in the window (with a note
 * when they were more than the pages read), or, while it is not charted, a
 * button that charts it; and, on demand ("Show jobs and tests"), its jobs'
 * metrics and its test metrics.
 * @internal
 */
export function InsightsWorkflow(props: InsightsWorkflowProps): ReactElement {
  const { workflowName, runs, onChart, ...details } = props;
  const { t } = useCircleCITranslation();
  const [open, setOpen] = useState(false);
  const name = stripControl(workflowName);
  return (
    <Box component="section" mt={3} minWidth={0} aria-label={t('insights.chartTitle', { workflow: name })}>
      <Typography variant="h6" component="h3">
        {t('insights.chartTitle', { workflow: name })}
      </Typography>
      {runs?.loading && <Progress />}
      {runs?.error && <InsightsError error={runs.error} project={props.slug} />}
      {runs?.value && <InsightsChart workflowName={workflowName} runs={runs.value.items} />}
      {runs?.value?.truncated && (
        <Typography variant="body2" color="textSecondary" data-testid="insights-runs-capped">
          {t('insights.runsCapped', { count: runs.value.items.length, pages: String(WORKFLOW_RUN_PAGES) })}
        </Typography>
      )}
      {onChart && (
        <Box mb={1}>
          <Button size="small" variant="outlined" onClick={onChart}>
            {t('insights.chartOne', { workflow: name })}
          </Button>
        </Box>
      )}
      <Button size="small" variant="outlined" aria-expanded={open} onClick={() => setOpen(v => !v)}>
        {open ? t('insights.hideDetails') : t('insights.showDetails')}
      </Button>
      {open && <Details workflowName={workflowName} {...details} />}
    </Box>
  );
}
