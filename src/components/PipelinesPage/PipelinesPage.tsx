import { useCallback, useMemo, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import RefreshIcon from '@material-ui/icons/Refresh';
import { EmptyState, Link } from '@backstage/core-components';
import { circleCIAppLinks } from '../../api/links';
import type { ProjectSlug } from '../../api/slug';
import type { Pipeline } from '../../api/types';
import { BranchFilter } from '../BranchFilter';
import { derivePipelineStatus } from '../../api/status';
import { usePipelines } from '../../hooks/usePipelines';
import { usePipelineWorkflows } from '../../hooks/usePipelineWorkflows';
import { ErrorState } from '../ErrorState';
import { LiveIndicator } from '../LiveIndicator';
import { PipelineRow, PipelinesTable } from '../PipelinesTable';
import { useCircleCIPaths } from '../Router/paths';

/**
 * Props of {@link PipelinesPage}.
 * @public
 */
export interface PipelinesPageProps {
  projectSlug: ProjectSlug;
  /** Shows only this branch's pipelines. */
  branch?: string;
  /** Called when the user picks another branch (or all, with undefined). */
  onBranchChange?: (branch: string | undefined) => void;
}

/** Branches seen in the loaded pipelines, plus the one filtered on. */
function seenBranches(pipelines: Pipeline[], branch: string | undefined): string[] {
  const set = new Set<string>();
  if (branch) set.add(branch);
  for (const p of pipelines) if (p.vcs?.branch) set.add(p.vcs.branch);
  return [...set].sort();
}

function PipelinesView(props: PipelinesPageProps & { onRefresh: () => void }) {
  const { projectSlug, branch, onRefresh, onBranchChange } = props;
  // Workflow requests start as soon as a page of pipelines arrives, not
  // after the rows have rendered.
  const prefetch = useRef<(ids: readonly string[]) => void>();
  const state = usePipelines({
    projectSlug,
    branch,
    onPage: page => prefetch.current?.(page.items.map(p => p.id)),
  });
  const ids = useMemo(() => state.pipelines.map(p => p.id), [state.pipelines]);
  const { results: workflows, live, updatedAt, request } = usePipelineWorkflows({
    pipelineIds: ids,
  });
  prefetch.current = request;
  const subject = `project ${projectSlug.slug}`;
  const paths = useCircleCIPaths();
  const workflowLink = useCallback(
    (wf: { id: string }) => paths.workflow({ workflowId: wf.id }),
    [paths],
  );
  const refresh = () => {
    state.refresh();
    onRefresh();
  };

  const rows: PipelineRow[] = state.pipelines.map(pipeline => {
    const loaded = workflows.get(pipeline.id);
    return {
      id: pipeline.id,
      pipeline,
      projectSlug,
      workflows: loaded?.workflows,
      workflowsError: loaded?.error,
      status: derivePipelineStatus({ state: pipeline.state, workflows: loaded?.workflows }),
    };
  });

  const filter = onBranchChange && (
    <BranchFilter
      branches={seenBranches(state.pipelines, branch)}
      value={branch}
      onChange={onBranchChange}
    />
  );
  if (state.error && rows.length === 0) {
    return <ErrorState error={state.error} subject={subject} onRetry={refresh} />;
  }
  if (!state.loading && rows.length === 0) {
    return (
      <>
      {filter}
      <EmptyState
        missing="data"
        title="No pipelines yet"
        description={`CircleCI has no pipelines for ${projectSlug.slug}${branch ? ` on branch ${branch}` : ''}. Push a commit or trigger a pipeline to see it here.`}
        action={<Link to={circleCIAppLinks.project(projectSlug)}>Open the project on CircleCI</Link>}
      />
      </>
    );
  }
  const footer = (
    <Box mt={1} display="flex" flexDirection="column" alignItems="center" style={{ gap: 8 }}>
      {state.error && <ErrorState error={state.error} subject={subject} />}
      {state.hasMore && (
        <Button variant="outlined" onClick={state.loadMore} disabled={state.loading}>
          {state.loading ? 'Loading…' : 'Load more pipelines'}
        </Button>
      )}
    </Box>
  );
  const title = (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <span>Pipelines of {projectSlug.slug}</span>
      {filter}
      <Tooltip title="Refresh">
        <IconButton aria-label="Refresh" size="small" onClick={refresh}>
          <RefreshIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      {updatedAt && <LiveIndicator live={live} updatedAt={updatedAt} />}
    </Box>
  );
  return (
    <PipelinesTable
      rows={rows}
      title={title}
      loading={state.loading && rows.length === 0}
      footer={footer}
      workflowLink={workflowLink}
    />
  );
}

/**
 * The pipelines of one project: loads them and their workflows, and shows
 * them with their empty and error states.
 * @public
 */
export function PipelinesPage(props: PipelinesPageProps) {
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
