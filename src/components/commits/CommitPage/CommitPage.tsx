import { ReactElement, useCallback, useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { Progress } from '@backstage/core-components';
import { shortRevision } from '@circleci-backstage/plugin-circleci-common';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { derivePipelineStatus } from '../../../domain/status';
import { useCommitPipelines } from '../hooks/useCommitPipelines';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { usePipelineWorkflows } from '../../../hooks/usePipelineWorkflows';
import { useCircleCIPaths } from '../../../navigation';
import { ErrorState } from '../../shared/ErrorState';
import { TabBreadcrumbs } from '../../shared/TabBreadcrumbs';
import { PipelineRow, PipelinesTable } from '../../pipelines/PipelinesTable';

/**
 * Props of {@link CommitPage}.
 * @internal
 */
export interface CommitPageProps {
  /** The entity's projects; each is searched. */
  slugs: ProjectSlug[];
  /** The commit, already checked: a full SHA or at least 7 hex characters. */
  revision: string;
  /** Narrows the search to this branch (on the server). */
  branch?: string;
  /** The most pipeline pages per project and round. Default 10. */
  maxPages?: number;
}

/**
 * The pipelines of one commit in every project of the entity, newest
 * first, with their workflows: the search's progress while it walks, how
 * far it looked once it stops, and a button to search further.
 * @internal
 */
export function CommitPage(props: CommitPageProps): ReactElement {
  const { slugs, revision, branch, maxPages } = props;
  const { t } = useCircleCITranslation();
  const paths = useCircleCIPaths();
  const state = useCommitPipelines({ slugs, revision, branch, maxPages });
  const matches = useMemo(() => state.value ?? [], [state.value]);
  const ids = useMemo(() => matches.map(m => m.pipeline.id), [matches]);
  const { value: results } = usePipelineWorkflows({ pipelineIds: ids });
  const rows = useMemo<PipelineRow[]>(
    () =>
      matches.map(({ pipeline, projectSlug }) => {
        const loaded = results.get(pipeline.id);
        return {
          id: pipeline.id,
          pipeline,
          projectSlug,
          workflows: loaded?.workflows,
          workflowsError: loaded?.error,
          status: derivePipelineStatus({ state: pipeline.state, workflows: loaded?.workflows }),
        };
      }),
    [matches, results],
  );
  const workflowLink = useCallback(
    (wf: { id: string }) => paths.workflow({ workflowId: wf.id }),
    [paths],
  );
  const count = state.pipelinesScanned;
  let summary: string;
  if (state.fetching) summary = t('commits.searching', { count });
  else if (rows.length === 0) summary = t('commits.notFound', { count });
  else summary = t('commits.foundAmong', { count: rows.length, scanned: String(count) });
  const footer = (
    <Box mt={1} display="flex" flexDirection="column" alignItems="center" style={{ gap: 8 }}>
      {state.error && <ErrorState error={state.error} />}
      <Typography role="status" variant="body2">
        {summary}
      </Typography>
      {state.fetching && <Progress />}
      {state.hasMore && !state.fetching && (
        <Button variant="outlined" onClick={state.loadMore}>
          {t('commits.searchFurther')}
        </Button>
      )}
    </Box>
  );
  const title = (
    <div>
      <Typography variant="h5" component="h2">
        {t('commits.title', { sha: shortRevision(revision) })}
      </Typography>
      {branch && <Typography variant="body2">{t('commits.onBranch', { branch })}</Typography>}
    </div>
  );
  // The same way back as the workflow view's: the pipelines, then this commit.
  const crumbs = [
    { label: t('pipelines.title'), to: paths.pipelines({}) },
    { label: t('commits.crumb', { sha: shortRevision(revision) }) },
  ];
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
      <TabBreadcrumbs crumbs={crumbs} />
      <PipelinesTable rows={rows} title={title} footer={footer} workflowLink={workflowLink} />
    </Box>
  );
}
