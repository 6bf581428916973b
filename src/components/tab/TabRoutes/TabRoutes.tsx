import { ReactElement } from 'react';
import { Navigate, Route, Routes, useParams, useResolvedPath, useSearchParams } from 'react-router-dom';
import { makeStyles } from '@material-ui/core/styles';
import { MissingAnnotationEmptyState } from '@backstage/plugin-catalog-react';
import { projectOf } from '../../../domain/projects';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { CIRCLECI_ANNOTATION } from '../../../constants';
import { useProjectSlugs } from '../../../hooks/useProjectSlugs';
import { useWorkflowScope } from '../../../hooks/useWorkflowScope';
import { InvalidCommitError, parseRevision } from '@circleci-backstage/plugin-circleci-common';
import { InvalidJobNumberError } from '../../../domain/errors';
import { CommitPage } from '../../commits/CommitPage';
import { ErrorState } from '../../shared/ErrorState';
import { InsightsPage } from '../../insights/InsightsPage';
import { JobPage } from '../../job/JobPage';
import { ProjectPipelines } from '../../pipelines/ProjectPipelines';
import type { CircleCIPipelineColumn } from '../../pipelines/PipelinesTable';
import { WorkflowPage } from '../../workflow/WorkflowPage';
import { CircleCIPathsProvider, parseJobNumber, useCircleCIPaths } from '../../../navigation';

function WorkflowRoute(props: { slugs: ProjectSlug[] }) {
  const { workflowId = '' } = useParams();
  return <WorkflowPage key={workflowId} workflowId={workflowId} slugs={props.slugs} />;
}

function JobRoute(props: { slugs: ProjectSlug[] }) {
  const { jobNumber = '' } = useParams();
  const [params] = useSearchParams();
  const wanted = params.get('project');
  const projectSlug = projectOf(props.slugs, wanted);
  const n = parseJobNumber(jobNumber);
  if (n === undefined) {
    return <ErrorState error={new InvalidJobNumberError({ value: jobNumber })} />;
  }
  return (
    <JobPage
      key={`${projectSlug.slug}:${n}`}
      projectSlug={projectSlug}
      jobNumber={n}
      slugs={props.slugs}
    />
  );
}

function CommitRoute(props: { slugs: ProjectSlug[] }) {
  const { sha = '' } = useParams();
  const [params] = useSearchParams();
  const branch = params.get('branch') || undefined;
  const revision = parseRevision(sha);
  if (!revision) return <ErrorState error={new InvalidCommitError({ value: sha })} />;
  return (
    <CommitPage
      key={`${revision}:${branch ?? ''}`}
      slugs={props.slugs}
      revision={revision}
      branch={branch}
    />
  );
}

/** Old classic-plugin links `/:buildId`: a v1.1 build number is the v2 job number. */
function LegacyBuildRoute() {
  const { buildId = '' } = useParams();
  const paths = useCircleCIPaths();
  const jobNumber = parseJobNumber(buildId);
  if (jobNumber === undefined) return <Navigate to={paths.pipelines()} replace />;
  return <Navigate to={paths.job({ jobNumber })} replace />;
}

/**
 * `focus`: every control of the tab shows a clear outline while it has the
 * keyboard focus (text fields show theirs with their border). `snippet`: the
 * missing-annotation state's YAML example is syntax-highlighted with inline
 * colours of 3.7:1–4:1; its text takes the theme's primary colour.
 */
const useStyles = makeStyles(theme => ({
  focus: {
    '& :focus-visible:not(input):not(textarea)': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  snippet: {
    '& pre span, & pre code': { color: `${theme.palette.text.primary} !important` },
  },
}));

/**
 * Props of the CircleCI tab: of `EntityCircleCIContent` and `Router`.
 * @public
 */
export interface EntityCircleCIContentProps {
  /**
   * The pipelines table's columns, in order: built-in ones from
   * `circleCIPipelineColumns`, changed ones or your own. Default:
   * `defaultCircleCIPipelineColumns()`. Define the array once, outside
   * your component: a new array renders every row again.
   */
  columns?: CircleCIPipelineColumn[];
}

/**
 * The CircleCI tab's routes, for the entity in context: `/` (pipelines),
 * `/workflows/:workflowId`, `/jobs/:jobNumber` (with `?project=` for
 * monorepos), `/commits/:sha` (with `?branch=`), `/insights` (with `?window=`, `?branch=`), and the classic plugin's `/:buildId`. Use it inside an
 * `EntityProvider`, or use {@link EntityCircleCIContent}, which wraps it.
 * @internal
 */
export function TabRoutes(props: EntityCircleCIContentProps = {}): ReactElement {
  const result = useProjectSlugs();
  const scope = useWorkflowScope();
  const base = useResolvedPath('.').pathname;
  const classes = useStyles();
  if (result.state === 'missing') {
    return (
      <div className={`${classes.focus} ${classes.snippet}`}>
        <MissingAnnotationEmptyState annotation={CIRCLECI_ANNOTATION} />
      </div>
    );
  }
  if (result.state === 'invalid') {
    return (
      <div className={classes.focus}>
        <ErrorState error={result.error} />
      </div>
    );
  }
  if (scope.state === 'invalid') {
    return (
      <div className={classes.focus}>
        <ErrorState error={scope.error} />
      </div>
    );
  }
  const { slugs } = result;
  const workflowScope = scope.state === 'ok' ? scope.scope : undefined;
  return (
    <div className={classes.focus}>
      <CircleCIPathsProvider base={base}>
        <Routes>
          <Route path="/" element={<ProjectPipelines slugs={slugs} workflowScope={workflowScope} columns={props.columns} />} />
          <Route path="/workflows/:workflowId" element={<WorkflowRoute slugs={slugs} />} />
          <Route path="/jobs/:jobNumber" element={<JobRoute slugs={slugs} />} />
          <Route path="/commits/:sha" element={<CommitRoute slugs={slugs} />} />
          <Route path="/insights" element={<InsightsPage slugs={slugs} workflowScope={workflowScope} />} />
          <Route path="/:buildId" element={<LegacyBuildRoute />} />
        </Routes>
      </CircleCIPathsProvider>
    </div>
  );
}
