import { ReactElement, useEffect, useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { EmptyState, Link, Progress } from '@backstage/core-components';
import { useSearchParams } from 'react-router-dom';
import type { ReportingWindow } from '@circleci-backstage/plugin-circleci-common';
import {
  freshnessOf,
  type InsightsBranchScope,
  parseBranchScope,
  parseReportingWindow,
} from '../../../domain/insights';
import { INITIAL_CHARTS } from '../../../domain/insightsCharts';
import { projectOf } from '../../../domain/projects';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { stripControl } from '../../../domain/text';
import type { WorkflowScope } from '../../../domain/workflowScope';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { useInsightsBranches } from '../hooks/useInsightsBranches';
import { useInsightsFlakyTests } from '../hooks/useInsightsFlakyTests';
import { useChartedWorkflows } from '../hooks/useChartedWorkflows';
import { useInsightsRuns } from '../hooks/useInsightsRuns';
import { useInsightsSummaries } from '../hooks/useInsightsSummaries';
import { useInsightsWorkflows } from '../hooks/useInsightsWorkflows';
import { usePrefetchInsightsRuns } from '../hooks/usePrefetchInsightsRuns';
import { useCircleCIPaths } from '../../../navigation';
import { FlakyTests } from '../FlakyTests';
import { preloadInsightsChart } from '../InsightsChart';
import { InsightsError } from '../InsightsError';
import { InsightsFilters, useWindowLabel } from '../InsightsFilters';
import { InsightsWorkflow } from '../InsightsWorkflow';
import { InsightsWorkflows } from '../InsightsWorkflows';

/**
 * Props of {@link InsightsPage}.
 * @internal
 */
export interface InsightsPageProps {
  /** The entity's projects; more than one gives a project switcher. */
  slugs: ProjectSlug[];
  /** The component's workflows (`circleci.com/workflows`): only those are shown. */
  workflowScope?: WorkflowScope;
}

interface ProjectViewProps {
  projectSlug: ProjectSlug;
  monorepo: boolean;
  reportingWindow: ReportingWindow;
  scope: InsightsBranchScope;
  workflowScope?: WorkflowScope;
  onWindowChange: (next: ReportingWindow) => void;
  onBranchChange: (next: string | undefined) => void;
}

const NO_NAMES: string[] = [];

/**
 * The insights of one project, in three phases (see docs/data-loading.md):
 * 1. first paint: the workflow metrics (1 request), then the runs of the
 *    busiest workflows (at most `INITIAL_CHARTS`) for their charts (every
 *    page of the window up to a bound, through the gate); the other
 *    workflows are charted on demand (each, or all);
 * 2. once those have answered: each workflow's summary (trends, 1 each),
 *    the project (default branch; often cached), the Insights branches and
 *    the flaky tests (1 each);
 * 3. on demand, per workflow ("Show jobs and tests"): its job metrics and
 *    its test metrics (1 each).
 * Everything is cached for 10 minutes and never polled.
 */
function ProjectView(props: ProjectViewProps): ReactElement {
  const { projectSlug, monorepo, reportingWindow, scope, workflowScope } = props;
  const slug = projectSlug.slug;
  const { t } = useCircleCITranslation();
  const windowText = useWindowLabel(reportingWindow);
  usePrefetchInsightsRuns({ slug, scope, reportingWindow, workflowScope });
  const metrics = useInsightsWorkflows({ slug, scope, reportingWindow, workflowScope });
  const names = useMemo(() => metrics.value?.map(w => w.name) ?? NO_NAMES, [metrics.value]);
  const charts = useChartedWorkflows({ workflows: metrics.value });
  const { runs, settled } = useInsightsRuns({ slug, scope, workflowNames: charts.names, reportingWindow });
  const painted = metrics.value !== undefined && settled;
  const summaries = useInsightsSummaries({ slug, scope, workflowNames: names, enabled: painted });
  const { defaultBranch, branches } = useInsightsBranches({ projectSlug, enabled: painted });
  const flaky = useInsightsFlakyTests({ slug, enabled: painted });
  const freshness = useMemo(() => freshnessOf({ windows: metrics.value ?? [] }), [metrics.value]);

  const filters = (
    <InsightsFilters
      reportingWindow={reportingWindow}
      onWindowChange={props.onWindowChange}
      scope={scope}
      onBranchChange={props.onBranchChange}
      defaultBranch={defaultBranch}
      branches={branches.value}
    />
  );
  let body: ReactElement;
  if (metrics.error) {
    body = <InsightsError error={metrics.error} project={slug} />;
  } else if (!metrics.value) {
    body = <Progress aria-label={t('insights.loading')} />;
  } else if (metrics.value.length === 0) {
    let description: string;
    if (scope.kind === 'all') description = t('insights.noDataAll', { project: slug, window: windowText });
    else if (scope.kind === 'branch') {
      description = t('insights.noDataBranch', { project: slug, branch: stripControl(scope.branch), window: windowText });
    } else description = t('insights.noDataDefault', { project: slug, window: windowText });
    body = <EmptyState missing="data" title={t('insights.noDataTitle')} description={description} />;
  } else {
    body = (
      <>
        <Typography variant="body2" color="textSecondary" data-testid="insights-freshness">
          {freshness ? t('insights.freshness', freshness) : t('insights.freshnessUnknown')}
        </Typography>
        <InsightsWorkflows workflows={metrics.value} summaries={summaries} />
        {charts.hidden > 0 && (
          <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }} mt={2}>
            <Typography variant="body2" color="textSecondary">
              {t('insights.chartsLimited', { count: INITIAL_CHARTS })}
            </Typography>
            <Button size="small" variant="outlined" onClick={charts.chartAll}>
              {t('insights.chartAll', { count: charts.hidden })}
            </Button>
          </Box>
        )}
        {metrics.value.map(w => (
          <InsightsWorkflow
            key={w.name}
            slug={slug}
            scope={scope}
            reportingWindow={reportingWindow}
            workflowName={w.name}
            runs={runs.get(w.name)}
            onChart={charts.isCharted(w.name) ? undefined : () => charts.chart(w.name)}
          />
        ))}
      </>
    );
  }
  // On paper, not on the page's grey: secondary text keeps its contrast.
  return (
    <Box component={Paper} p={2} display="flex" flexDirection="column" style={{ gap: 8 }}>
      <Typography variant="h5" component="h2">
        {t('insights.titleOf', { project: slug })}
      </Typography>
      {filters}
      {body}
      {flaky.error && <InsightsError error={flaky.error} project={slug} />}
      {flaky.value && (
        <Box mt={3}>
          <FlakyTests value={flaky.value} projectSlug={monorepo ? slug : undefined} />
        </Box>
      )}
    </Box>
  );
}

/**
 * The Insights view (`/insights` in the tab): is CI healthy here, and is
 * it getting worse? URL state: `window` (default `last-30-days`), `branch`
 * (none: the default branch; `*`: all branches) and, for monorepo
 * entities, `project` (a switcher as on the pipelines page).
 * @internal
 */
export function InsightsPage(props: InsightsPageProps): ReactElement {
  const { slugs, workflowScope } = props;
  const [params, setParams] = useSearchParams();
  const { t } = useCircleCITranslation();
  const paths = useCircleCIPaths();
  const chosen = projectOf(slugs, params.get('project'));
  const monorepo = slugs.length > 1;
  const reportingWindow = parseReportingWindow(params.get('window'));
  const branchValue = params.get('branch');
  const scope = useMemo(() => parseBranchScope({ value: branchValue }), [branchValue]);
  // The chart's chunk loads alongside the metrics request, not after it.
  useEffect(() => preloadInsightsChart(), []);
  const update = (key: string, value: string | undefined) =>
    setParams(p => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      if (key === 'project') next.delete('branch');
      return next;
    });
  return (
    <>
      <Link to={paths.pipelines({ projectSlug: monorepo ? chosen.slug : undefined })}>
        {t('insights.backToPipelines')}
      </Link>
      {monorepo && (
        <Tabs
          value={chosen.slug}
          onChange={(_, value: string) => update('project', value)}
          indicatorColor="primary"
          aria-label={t('common.projectsTabs')}
        >
          {slugs.map(s => (
            <Tab key={s.slug} value={s.slug} label={s.slug} />
          ))}
        </Tabs>
      )}
      <ProjectView
        key={`${chosen.slug}|${reportingWindow}|${branchValue ?? ''}`}
        projectSlug={chosen}
        monorepo={monorepo}
        reportingWindow={reportingWindow}
        scope={scope}
        workflowScope={workflowScope}
        onWindowChange={w => update('window', w)}
        onBranchChange={b => update('branch', b)}
      />
    </>
  );
}
