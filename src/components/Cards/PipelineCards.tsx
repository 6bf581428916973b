import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { derivePipelineStatus } from '../../domain/status';
import type { ProjectSlug } from '../../domain/slug';
import { useProjectSlugs } from '../../hooks/useProjectSlugs';
import { circleCIRouteRef } from '../../routes';
import { ErrorState } from '../ErrorState';
import { StatusLabel } from '../StatusLabel';
import { PipelineSummary, usePipelineSummaries } from './usePipelineSummaries';

function PipelineLine(props: { summary: PipelineSummary; showBranch: boolean }) {
  const { pipeline, workflows } = props.summary;
  const status = derivePipelineStatus({ state: pipeline.state, workflows });
  return (
    <div data-testid="circleci-pipeline-line">
      <StatusLabel status={status} /> #{pipeline.number}
      {props.showBranch && pipeline.vcs?.branch ? ` ${pipeline.vcs.branch}` : ''}
      {pipeline.vcs?.commit?.subject ? ` ${pipeline.vcs.commit.subject}` : ''}
    </div>
  );
}

function ProjectLines(props: {
  projectSlug: ProjectSlug;
  branch?: string;
  limit: number;
  showBranch: boolean;
}) {
  const { summaries, error } = usePipelineSummaries(props);
  if (error) return <ErrorState error={error} />;
  if (!summaries) return <Progress />;
  if (summaries.length === 0) return <div>No pipelines yet.</div>;
  return (
    <>
      {summaries.map(summary => (
        <PipelineLine key={summary.pipeline.id} summary={summary} showBranch={props.showBranch} />
      ))}
    </>
  );
}

function CardBody(props: { branch?: string; limit: number; showBranch: boolean }) {
  const result = useProjectSlugs();
  if (result.state === 'missing') return <div>No CircleCI project annotation.</div>;
  if (result.state === 'invalid') return <ErrorState error={result.error} />;
  return (
    <>
      {result.slugs.map(projectSlug => (
        <div key={projectSlug.slug}>
          {result.slugs.length > 1 ? <strong>{projectSlug.slug}</strong> : null}
          <ProjectLines projectSlug={projectSlug} {...props} />
        </div>
      ))}
    </>
  );
}

/** The tab's URL; undefined where the tab is not mounted. */
function useTabLink(): string | undefined {
  try {
    // Throws after its own hooks have run, so the hook order stays stable.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    return useRouteRef(circleCIRouteRef)();
  } catch {
    return undefined;
  }
}

/** Prototype of the latest-pipeline card. */
export function LatestPipelineCard(props: { branch?: string }) {
  const tab = useTabLink();
  return (
    <InfoCard
      title={props.branch ? `Latest pipeline on ${props.branch}` : 'Latest pipeline'}
      deepLink={tab ? { title: 'All pipelines', link: tab } : undefined}
    >
      <CardBody branch={props.branch} limit={1} showBranch={false} />
    </InfoCard>
  );
}

/** Prototype of the recent-pipelines card. */
export function RecentPipelinesCard(props: { branch?: string; limit?: number }) {
  const tab = useTabLink();
  return (
    <InfoCard
      title="Recent pipelines"
      deepLink={tab ? { title: 'All pipelines', link: tab } : undefined}
    >
      <CardBody branch={props.branch} limit={props.limit ?? 5} showBranch={!props.branch} />
      {tab ? <Link to={tab}>CI/CD tab</Link> : null}
    </InfoCard>
  );
}
