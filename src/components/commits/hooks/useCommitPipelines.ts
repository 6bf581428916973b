import { useMemo, useState } from 'react';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { commitSearchQuery } from '../../../query/pipelineQueries';
import { type PagedState, useCircleCIPages } from '../../../query/useCircleCIPages';

/** A pipeline of the commit, with its project. */
export interface CommitPipeline {
  /** The pipeline. */
  pipeline: Pipeline;
  /** The pipeline's project. */
  projectSlug: ProjectSlug;
}

/**
 * What {@link useCommitPipelines} returns: `value` is the matching
 * pipelines of every project, newest first; `fetching` is true while a
 * search (the first or a further one) walks pages; `loadMore` reads the
 * next pages (the same bound again) of the projects not exhausted, and
 * `hasMore` says some project has older pipelines the search has not read.
 */
export interface CommitPipelinesState extends PagedState<CommitPipeline[]> {
  /** Pipelines looked at so far, over every project (also while walking). */
  pipelinesScanned: number;
  /** Pipeline pages read so far, over every project. */
  pagesRead: number;
}

function createdAt(p: CommitPipeline): number {
  return Date.parse(p.pipeline.created_at) || 0;
}

/**
 * Finds a commit's pipelines in each of the given projects with
 * `findPipelinesByRevision` (at most `maxPages` pipeline pages per project
 * and round), and reports progress page by page.
 */
export function useCommitPipelines(options: {
  slugs: readonly ProjectSlug[];
  revision: string;
  branch?: string;
  maxPages?: number;
}): CommitPipelinesState {
  const { slugs, revision, branch, maxPages } = options;
  // Pipelines looked at by the round in flight, by slug.
  const [inFlight, setInFlight] = useState<Record<string, number>>({});
  const search = useCircleCIPages({
    query: ({ api }) => commitSearchQuery({ api, slugs, revision, branch, maxPages, onProgress: setInFlight }),
  });
  const rounds = search.value;
  const value = useMemo(() => {
    if (!rounds) return undefined;
    const bySlug = new Map(slugs.map(s => [s.slug, s]));
    const all = rounds.flatMap(round =>
      Object.entries(round).flatMap(([slug, r]) =>
        r.matches.map(pipeline => ({ pipeline, projectSlug: bySlug.get(slug)! })),
      ),
    );
    return all.filter(m => m.projectSlug).sort((a, b) => createdAt(b) - createdAt(a));
  }, [rounds, slugs]);
  const totals = useMemo(() => {
    let pages = 0;
    let scanned = 0;
    (rounds ?? []).forEach(round =>
      Object.values(round).forEach(r => {
        pages += r.pagesRead;
        scanned += r.pipelinesScanned;
      }),
    );
    return { pages, scanned };
  }, [rounds]);
  const liveScanned = Object.values(inFlight).reduce((n, c) => n + c, 0);
  return {
    ...search,
    value,
    pipelinesScanned: search.fetching ? totals.scanned + liveScanned : totals.scanned,
    pagesRead: totals.pages,
  };
}
