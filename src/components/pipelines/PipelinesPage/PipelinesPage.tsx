import { CSSProperties, ReactElement, useCallback, useMemo, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import { Link } from '@backstage/core-components';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { BranchFilter } from '../BranchFilter';
import { PipelineFilters, PipelineFilterValues } from '../PipelineFilters';
import { useFilteredRows } from '../hooks/useFilteredRows';
import type { WorkflowScope } from '../../../domain/workflowScope';
import { seenBranches } from '../../../domain/branches';
import { derivePipelineStatus } from '../../../domain/status';
import { usePipelines } from '../hooks/usePipelines';
import { useFilterWalk } from '../hooks/useFilterWalk';
import { useMyPipelinesAvailable } from '../hooks/useMyPipelinesAvailable';
import { useAfterFirstPaint } from '../hooks/useAfterFirstPaint';
import { usePipelineWorkflows } from '../../../hooks/usePipelineWorkflows';
import type { PipelineWorkflows } from '../../../domain/pipelineSummaries';
import { ErrorState } from '../../shared/ErrorState';
import { LiveIndicator } from '../../shared/LiveIndicator';
import { NewPipelinesAnnouncement } from '../NewPipelinesAnnouncement';
import { StaleNotice } from '../StaleNotice';
import { EmptyPipelines } from '../EmptyPipelines';
import { type CircleCIPipelineColumn, PipelineRow, PipelinesTable } from '../PipelinesTable';
import { TriggerPipeline } from '../../actions/TriggerPipeline';
import { useCircleCIPaths } from '../../../navigation';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/**
 * Props of {@link PipelinesPage}.
 * @internal
 */
export interface PipelinesPageProps {
  /** The project whose pipelines are shown. */
  projectSlug: ProjectSlug;
  /** Shows only this branch's pipelines. */
  branch?: string;
  /** Called when the user picks another branch (or all, with undefined). */
  onBranchChange?: (branch: string | undefined) => void;
  /** The status and workflow filters, applied to the pipelines loaded. */
  filters?: PipelineFilterValues;
  /** Called when the user changes the status or workflow filter. */
  onFiltersChange?: (next: PipelineFilterValues) => void;
  /** The component's workflows (`circleci.com/workflows`): others are hidden. */
  workflowScope?: WorkflowScope;
  /** The table's columns; the default ones when not given. */
  columns?: CircleCIPipelineColumn[];
}

const TITLE: CSSProperties = { display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' };

const FILTER_PLACEHOLDER: CSSProperties = { minWidth: 260, height: 40 };

/**
 * The table's rows. A row keeps its object while its pipeline and workflows
 * are unchanged, so the table renders only the rows whose data changed.
 */
function useStableRows(options: {
  pipelines: Pipeline[];
  workflows: ReadonlyMap<string, PipelineWorkflows>;
  projectSlug: ProjectSlug;
}): PipelineRow[] {
  const { pipelines, workflows, projectSlug } = options;
  const previous = useRef(new Map<string, { loaded?: PipelineWorkflows; row: PipelineRow }>());
  return useMemo(() => {
    const next = new Map<string, { loaded?: PipelineWorkflows; row: PipelineRow }>();
    const rows = pipelines.map(pipeline => {
      const loaded = workflows.get(pipeline.id);
      const before = previous.current.get(pipeline.id);
      const row =
        before && before.row.pipeline === pipeline && before.loaded === loaded
          ? before.row
          : {
              id: pipeline.id,
              pipeline,
              projectSlug,
              workflows: loaded?.workflows,
              workflowsError: loaded?.error,
              status: derivePipelineStatus({ state: pipeline.state, workflows: loaded?.workflows }),
            };
      next.set(pipeline.id, { loaded, row });
      return row;
    });
    previous.current = next;
    return rows;
  }, [pipelines, workflows, projectSlug]);
}

function PipelinesView(props: PipelinesPageProps & { onRefresh: () => void }) {
  const { projectSlug, branch, onRefresh, onBranchChange, filters, onFiltersChange, workflowScope } = props;
  const myPipelines = useMyPipelinesAvailable({ projectSlug });
  // A refused `pipeline/mine` drops the filter quietly: everyone's pipelines, with a note.
  const mineRefused = Boolean(filters?.mine) && myPipelines.available === false;
  const mine = Boolean(filters?.mine) && !mineRefused;
  const applied = useMemo(() => ({ ...filters, mine: mine || undefined }), [filters, mine]);
  const state = usePipelines({ projectSlug, branch, mine });
  const pipelines = useMemo(() => state.value ?? [], [state.value]);
  const loading = state.loading || state.loadingMore;
  const ids = useMemo(() => pipelines.map(p => p.id), [pipelines]);
  const { value: workflows, live, updatedAt } = usePipelineWorkflows({ pipelineIds: ids });
  const { t } = useCircleCITranslation();
  const subject = t('pipelines.subject', { project: projectSlug.slug });
  const paths = useCircleCIPaths();
  const workflowLink = useCallback(
    (wf: { id: string }) => paths.workflow({ workflowId: wf.id }),
    [paths],
  );
  const refresh = () => {
    state.refresh();
    onRefresh();
  };

  const allRows = useStableRows({ pipelines, workflows, projectSlug });
  const { rows, coverage, workflowNames, actors, hidden, settled, filtering } = useFilteredRows({
    rows: allRows,
    filters: applied,
    scope: workflowScope,
    branch,
  });
  const walk = useFilterWalk({
    active: filtering,
    matches: rows.length,
    settled,
    pages: state.pages,
    hasMore: state.hasMore,
    loading,
    failed: Boolean(state.error),
    loadMore: state.loadMore,
    filterKey: JSON.stringify(applied),
  });

  // The branch picker (MUI Autocomplete) costs about 20 ms to mount: it
  // comes a frame after the tab, keeping its place, rather than delaying
  // the first request.
  const filterReady = useAfterFirstPaint();
  const filter =
    onBranchChange &&
    (filterReady ? (
      <BranchFilter
        branches={seenBranches(pipelines, branch)}
        value={branch}
        onChange={onBranchChange}
      />
    ) : (
      <div style={FILTER_PLACEHOLDER} />
    ));
  const selects = onFiltersChange && filterReady && (
    <PipelineFilters
      {...applied}
      workflowNames={workflowNames}
      actors={actors}
      mineAvailable={myPipelines.available}
      mineChecking={myPipelines.checking}
      onTriggeredByIntent={myPipelines.probe}
      onChange={onFiltersChange}
    />
  );
  if (state.error && allRows.length === 0) {
    return <ErrorState error={state.error} subject={subject} onRetry={refresh} />;
  }
  if (!loading && allRows.length === 0) {
    const controls = (
      <>
        {filter}
        {mine && selects}
      </>
    );
    return <EmptyPipelines projectSlug={projectSlug} branch={branch} mine={mine} controls={controls} />;
  }
  const footer = (
    <Box mt={1} display="flex" flexDirection="column" alignItems="center" style={{ gap: 8 }}>
      {state.error && <ErrorState error={state.error} subject={subject} />}
      {mineRefused && <Typography variant="body2">{t('filters.mineUnavailable')}</Typography>}
      {coverage && <Typography role="status" variant="body2">{coverage}</Typography>}
      {hidden && <Typography variant="body2">{hidden}</Typography>}
      {walk.walking && walk.pagesSearched > 0 && (
        <Typography variant="body2" data-testid="circleci-filter-walk">
          {t('filters.walking', { pages: String(walk.pagesSearched), max: String(walk.maxPages) })}
        </Typography>
      )}
      {walk.bounded && !walk.walking && (
        <Typography variant="body2" data-testid="circleci-filter-walk">
          {t('filters.bounded', { count: walk.pagesSearched })}
        </Typography>
      )}
      {state.hasMore && (
        <Button variant="outlined" onClick={walk.loadMore} disabled={loading || walk.walking}>
          {loading || walk.walking ? t('pipelines.loading') : t('pipelines.loadMore')}
        </Button>
      )}
    </Box>
  );
  const title = (
    <div style={TITLE}>
      <Typography variant="h5" component="h2">
        {t('pipelines.titleOf', { project: projectSlug.slug })}
      </Typography>
      {filter}
      {selects}
      <Tooltip title={t('pipelines.refresh')}>
        <IconButton aria-label={t('pipelines.refresh')} size="small" onClick={refresh}>
          <RefreshIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <TriggerPipeline projectSlug={projectSlug} branch={branch} />
      <Link to={paths.insights({ projectSlug: projectSlug.slug })}>{t('insights.tabLink')}</Link>
      {updatedAt && <LiveIndicator live={live} updatedAt={updatedAt} />}
      {state.staleAt && <StaleNotice storedAt={state.staleAt} />}
      <NewPipelinesAnnouncement pipelines={pipelines} />
    </div>
  );
  return (
    <PipelinesTable
      rows={rows}
      title={title}
      loading={loading && allRows.length === 0}
      footer={footer}
      workflowLink={workflowLink}
      columns={props.columns}
    />
  );
}

/**
 * The pipelines of one project: loads them and their workflows, and shows
 * them with their empty and error states.
 * @internal
 */
export function PipelinesPage(props: PipelinesPageProps): ReactElement {
  const [generation, setGeneration] = useState(0);
  // Remounting on refresh (or another project) drops every loaded workflow
  // and cancels requests still in flight.
  return (
    <PipelinesView
      key={`${props.projectSlug.slug}:${props.branch ?? ''}:${generation}`}
      {...props}
      onRefresh={() => setGeneration(g => g + 1)}
    />
  );
}
