import type { CSSProperties, ReactElement } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import type { ReportingWindow } from '@circleci-backstage/plugin-circleci-common';
import { DEFAULT_REPORTING_WINDOW, formatCount, formatPercent, formatSeconds } from '../../../domain/insights';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { NO_VALUE, stripControl } from '../../../domain/text';
import { type InsightsCardRow, useInsightsCard } from '../hooks/useInsightsCard';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { useProjectSlugs } from '../../../hooks/useProjectSlugs';
import { useTabLink } from '../../../hooks/useTabLink';
import { CircleCIPathsProvider, useCircleCIPaths } from '../../../navigation';
import { CardProjects } from '../CardProjects';
import { InsightsError } from '../../insights/InsightsError';
import { useWindowLabel } from '../../insights/InsightsFilters';
import { InsightsTrend } from '../../insights/InsightsTrend';

const FIGURE: CSSProperties = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 4 };
const FOOTER: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 16, marginTop: 8 };
// Backstage's theme lets table cells break words anywhere ("Workfl/ow"):
// headings stay on one line, names wrap only at spaces and hyphens, and a
// column too narrow for the table scrolls it inside the card.
const HEADING: CSSProperties = { whiteSpace: 'nowrap' };
const NAME: CSSProperties = { wordBreak: 'normal', overflowWrap: 'normal' };
const SCROLLER: CSSProperties = { overflowX: 'auto' };

/**
 * Props of `EntityCircleCIInsightsCard`.
 * @public
 */
export interface InsightsCardProps {
  /** The reporting window of the figures; default `last-30-days`. */
  window?: ReportingWindow;
  /** The branch; by default the project's default branch. */
  branch?: string;
  /** The workflows to show, in this order; by default the 5 with the most runs. */
  workflows?: string[];
}

/** The view's URL for the card's project, window and branch. */
function useInsightsLink(options: { projectSlug?: string; window: ReportingWindow; branch?: string }): string {
  const path = useCircleCIPaths().insights({ projectSlug: options.projectSlug });
  const params = new URLSearchParams({ window: options.window });
  if (options.branch) params.set('branch', options.branch);
  return `${path}${path.includes('?') ? '&' : '?'}${params.toString()}`;
}

function Row(props: { row: InsightsCardRow }) {
  const { name, metrics, summary } = props.row;
  const trends = summary?.trends;
  const noTrend = props.row.summaryLoading ? null : NO_VALUE;
  return (
    <TableRow data-testid="circleci-insights-card-row">
      <TableCell component="th" scope="row" style={NAME}>
        {stripControl(name)}
      </TableCell>
      <TableCell>
        <span style={FIGURE}>
          <span data-testid="circleci-insights-card-rate">{formatPercent(metrics?.success_rate)}</span>
          {Number.isFinite(trends?.success_rate) ? (
            <InsightsTrend metric="success_rate" ratio={trends?.success_rate} />
          ) : (
            noTrend
          )}
        </span>
      </TableCell>
      <TableCell>
        <span style={FIGURE}>
          <span data-testid="circleci-insights-card-p95">{formatSeconds(metrics?.duration_metrics.p95)}</span>
          {Number.isFinite(trends?.p95_duration_secs) ? (
            <InsightsTrend metric="p95_duration_secs" ratio={trends?.p95_duration_secs} />
          ) : (
            noTrend
          )}
        </span>
      </TableCell>
      <TableCell data-testid="circleci-insights-card-runs">{formatCount(metrics?.total_runs)}</TableCell>
    </TableRow>
  );
}

interface ProjectInsightsProps {
  projectSlug: ProjectSlug;
  window: ReportingWindow;
  branch?: string;
  workflows?: string[];
  /** The entity has several projects: each section links to its own insights. */
  several: boolean;
}

function ProjectInsights(props: ProjectInsightsProps) {
  const { projectSlug, window, branch } = props;
  const { t } = useCircleCITranslation();
  const tabLinked = useTabLink() !== undefined;
  const windowText = useWindowLabel(window);
  const link = useInsightsLink({ projectSlug: props.several ? projectSlug.slug : undefined, window, branch });
  const state = useInsightsCard({ projectSlug, reportingWindow: window, branch, workflows: props.workflows });
  if (state.error) return <InsightsError error={state.error} project={projectSlug.slug} onRetry={state.retry} />;
  if (state.loading) return <Progress />;
  const flaky = state.flakyLoading ? null : (
    <span data-testid="circleci-insights-card-flaky">
      {t('insightsCard.flakyTests', {
        number: state.flakyTests === undefined ? NO_VALUE : formatCount(state.flakyTests),
      })}
    </span>
  );
  return (
    <div>
      {state.empty ? (
        <Typography variant="body2">
          {branch
            ? t('insightsCard.noDataBranch', { branch: stripControl(branch), window: windowText })
            : t('insightsCard.noDataDefault', { window: windowText })}
        </Typography>
      ) : (
        <div style={SCROLLER}>
        <Table size="small" aria-label={t('insightsCard.title')}>
          <TableHead>
            <TableRow>
              <TableCell style={HEADING}>{t('insightsCard.workflowColumn')}</TableCell>
              <TableCell style={HEADING}>{t('insightsCard.successRateColumn')}</TableCell>
              <TableCell style={HEADING}>{t('insightsCard.p95Column')}</TableCell>
              <TableCell style={HEADING}>{t('insightsCard.runsColumn')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {state.rows.map(row => (
              <Row key={row.name} row={row} />
            ))}
          </TableBody>
        </Table>
        </div>
      )}
      <Typography variant="body2" component="div" style={FOOTER}>
        {flaky}
        {state.hidden > 0 ? <span>{t('insightsCard.hiddenWorkflows', { count: state.hidden })}</span> : null}
        {tabLinked && props.several ? (
          <Link to={link}>{t('insightsCard.projectInsights', { project: projectSlug.slug })}</Link>
        ) : null}
      </Typography>
    </div>
  );
}

function InsightsInfoCard(props: InsightsCardProps & { window: ReportingWindow; tabLinked: boolean }) {
  const { t } = useCircleCITranslation();
  const { window, branch } = props;
  const slugs = useProjectSlugs();
  const several = slugs.state === 'ok' && slugs.slugs.length > 1;
  const windowText = useWindowLabel(window);
  const link = useInsightsLink({ window, branch });
  return (
    <InfoCard
      title={branch ? t('insightsCard.titleOnBranch', { branch: stripControl(branch) }) : t('insightsCard.title')}
      subheader={
        branch
          ? t('insightsCard.windowOnly', { window: windowText })
          : t('insightsCard.windowOfDefaultBranch', { window: windowText })
      }
      variant="gridItem"
      deepLink={props.tabLinked ? { title: t('insightsCard.openInsights'), link } : undefined}
    >
      <CardProjects>
        {projectSlug => (
          <ProjectInsights
            projectSlug={projectSlug}
            window={window}
            branch={branch}
            workflows={props.workflows}
            several={several}
          />
        )}
      </CardProjects>
      <Typography variant="caption" color="textSecondary" component="p">
        {t('insightsCard.trendsNote')}
      </Typography>
    </InfoCard>
  );
}

/**
 * Is CI healthy here: per workflow of the default branch (or `branch`) in
 * the window (default 30 days), its success rate, p95 duration and their
 * trends, plus the project's flaky tests, and a link to the Insights view.
 * One section per project for a monorepo entity. Never polled.
 * @internal
 */
export function InsightsCard(props: InsightsCardProps): ReactElement {
  const tab = useTabLink();
  return (
    <CircleCIPathsProvider base={tab ?? ''}>
      <InsightsInfoCard {...props} window={props.window ?? DEFAULT_REPORTING_WINDOW} tabLinked={tab !== undefined} />
    </CircleCIPathsProvider>
  );
}
