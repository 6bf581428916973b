import { useMemo } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { CIRCLECI_ANNOTATION } from '../../../constants';
import { parseRevision } from '@circleci-backstage/plugin-circleci-common';
import { InvalidCommitError, MissingProjectError } from '@circleci-backstage/plugin-circleci-common';
import { parseProjectSlug, parseProjectSlugs, ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { CircleCIStatus, combineStatuses, derivePipelineStatus } from '../../../domain/status';
import { useCommitPipelines } from './useCommitPipelines';
import { usePipelineWorkflows } from '../../../hooks/usePipelineWorkflows';
import { useTabLink } from '../../../hooks/useTabLink';

/**
 * Options of {@link useCircleCICommitStatus}.
 * @public
 */
export interface CircleCICommitStatusOptions {
  /** The commit: a full SHA, or at least its first 7 hex characters. */
  sha: string;
  /**
   * The CircleCI project, e.g. `gh/acme/rocket`. Without it, every project
   * of the entity in context (its `circleci.com/project-slug` annotation).
   */
  projectSlug?: string;
}

/**
 * What {@link useCircleCICommitStatus} returns.
 * @public
 */
export interface CircleCICommitStatusState {
  /**
   * The combined status of the commit's pipelines (from their workflows);
   * undefined while searching or loading workflows, and when none was found.
   */
  status?: CircleCIStatus;
  /** True while the search walks pipeline pages or workflows load. */
  loading: boolean;
  /** How many pipelines of the commit were found. */
  pipelineCount: number;
  /** How many pipelines were looked at. */
  pipelinesScanned: number;
  /** The commit's view in the entity's CircleCI tab, where the tab is mounted. */
  link?: string;
  /** Why there is no status: an invalid SHA or slug, or a failed request. */
  error?: Error;
}

/** The entity's annotation; undefined outside an entity page. */
function useEntityAnnotation(): string | undefined {
  try {
    // useEntity reads its context before it can throw, so hooks keep their order.
    return useEntity().entity.metadata.annotations?.[CIRCLECI_ANNOTATION];
  } catch {
    return undefined;
  }
}

function slugsOf(options: {
  projectSlug?: string;
  annotation?: string;
}): { slugs: ProjectSlug[]; error?: Error } {
  try {
    if (options.projectSlug) return { slugs: [parseProjectSlug(options.projectSlug)] };
    if (options.annotation) return { slugs: parseProjectSlugs(options.annotation) };
    return { slugs: [], error: new MissingProjectError() };
  } catch (error) {
    return { slugs: [], error: error as Error };
  }
}

/**
 * The combined CircleCI status of a commit: finds its pipelines (at most 10
 * pipeline pages per project, see `CircleCIApi.findPipelinesByRevision`),
 * reads their workflows, and combines their statuses. For deploy and
 * release pages that show the build state of a commit.
 * @public
 */
export function useCircleCICommitStatus(options: CircleCICommitStatusOptions): CircleCICommitStatusState {
  const annotation = useEntityAnnotation();
  const revision = parseRevision(options.sha);
  const { slugs, error: slugError } = useMemo(
    () => slugsOf({ projectSlug: options.projectSlug, annotation }),
    [options.projectSlug, annotation],
  );
  const search = useCommitPipelines({ slugs: revision ? slugs : [], revision: revision ?? '' });
  const matches = useMemo(() => search.value ?? [], [search.value]);
  const ids = useMemo(() => matches.map(m => m.pipeline.id), [matches]);
  const { value: results } = usePipelineWorkflows({ pipelineIds: ids });
  const tab = useTabLink();
  const statuses = matches.map(m =>
    derivePipelineStatus({ state: m.pipeline.state, workflows: results.get(m.pipeline.id)?.workflows }),
  );
  const workflowsLoading = statuses.some(s => s === 'unknown') && ids.some(id => !results.has(id));
  const error =
    (revision ? undefined : new InvalidCommitError({ value: options.sha })) ?? slugError ?? search.error;
  return {
    status: statuses.length && !search.fetching && !workflowsLoading ? combineStatuses(statuses) : undefined,
    loading: !error && (search.fetching || workflowsLoading),
    pipelineCount: statuses.length,
    pipelinesScanned: search.pipelinesScanned,
    link: tab && revision ? `${tab.replace(/\/+$/, '')}/commits/${encodeURIComponent(revision)}` : undefined,
    error,
  };
}
