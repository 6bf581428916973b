import { ReactElement } from 'react';
import { Navigate, Route, Routes, useParams, useResolvedPath, useSearchParams } from 'react-router-dom';
import { MissingAnnotationEmptyState } from '@backstage/plugin-catalog-react';
import { projectOf } from '../../domain/projects';
import type { ProjectSlug } from '../../domain/slug';
import { CIRCLECI_ANNOTATION } from '../../constants';
import { useProjectSlugs } from '../../hooks/useProjectSlugs';
import { ErrorState } from '../ErrorState';
import { JobPage } from '../JobPage';
import { ProjectPipelines } from '../ProjectPipelines';
import { WorkflowPage } from '../WorkflowPage';
import { CircleCIPathsProvider, parseJobNumber, useCircleCIPaths } from '../../navigation';

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
    return <ErrorState error={new Error(`"${jobNumber}" is not a job number.`)} />;
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

/** Old classic-plugin links `/:buildId`: a v1.1 build number is the v2 job number. */
function LegacyBuildRoute() {
  const { buildId = '' } = useParams();
  const paths = useCircleCIPaths();
  const jobNumber = parseJobNumber(buildId);
  if (jobNumber === undefined) return <Navigate to={paths.pipelines()} replace />;
  return <Navigate to={paths.job({ jobNumber })} replace />;
}

/**
 * The CircleCI tab's routes, for the entity in context: `/` (pipelines),
 * `/workflows/:workflowId`, `/jobs/:jobNumber` (with `?project=` for
 * monorepos), and the classic plugin's `/:buildId`. Use it inside an
 * `EntityProvider`, or use {@link EntityCircleCIContent}, which wraps it.
 * @internal
 */
export function TabRoutes(): ReactElement {
  const result = useProjectSlugs();
  const base = useResolvedPath('.').pathname;
  if (result.state === 'missing') {
    return <MissingAnnotationEmptyState annotation={CIRCLECI_ANNOTATION} />;
  }
  if (result.state === 'invalid') {
    return <ErrorState error={result.error} />;
  }
  const { slugs } = result;
  return (
    <CircleCIPathsProvider base={base}>
      <Routes>
        <Route path="/" element={<ProjectPipelines slugs={slugs} />} />
        <Route path="/workflows/:workflowId" element={<WorkflowRoute slugs={slugs} />} />
        <Route path="/jobs/:jobNumber" element={<JobRoute slugs={slugs} />} />
        <Route path="/:buildId" element={<LegacyBuildRoute />} />
      </Routes>
    </CircleCIPathsProvider>
  );
}
