import { useCallback, useMemo, useState } from 'react';
import { InfiniteData, QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import type { PipelinesByRevision } from '../../../api/CircleCIApi';
import type { Pipeline } from '../../../common/types';
import type { ProjectSlug } from '../../../common/slug';
import { resourceKey } from '../../../query/keys';
import { useCircleCIQueryClient } from '../../../query/useCircleCIQueryClient';

/** A pipeline of the commit, with its project. */
export interface CommitPipeline {
  /** The pipeline. */
  pipeline: Pipeline;
  /** The pipeline's project. */
  projectSlug: ProjectSlug;
}

/** What {@link useCommitPipelines} returns. */
export interface CommitPipelinesState {
  /** The matching pipelines of every project, newest first. */
  matches: CommitPipeline[];
  /** True while a search (the first or a further one) walks pages. */
  searching: boolean;
  /** Pipelines looked at so far, over every project (also while walking). */
  pipelinesScanned: number;
  /** Pipeline pages read so far, over every project. */
  pagesRead: number;
  /** True when some project has older pipelines the search has not read. */
  canSearchFurther: boolean;
  /** Reads the next pages (the same bound again) of the projects not exhausted. */
  searchFurther: () => void;
  /** The error of the last search, if it failed. */
  error?: Error;
}

/** One search round: each project's answer, by slug. */
type Round = Record<string, PipelinesByRevision>;
/** Where each unfinished project goes on; undefined for the first round. */
type Tokens = Record<string, string> | undefined;

function createdAt(p: CommitPipeline): number {
  return Date.parse(p.pipeline.created_at) || 0;
}

/**
 * Finds a commit's pipelines in each of the given projects with
 * `findPipelinesByRevision` (at most `maxPages` pipeline pages per project
 * and round), and reports progress page by page. `searchFurther` continues
 * where the last round stopped.
 */
export function useCommitPipelines(options: {
  slugs: readonly ProjectSlug[];
  revision: string;
  branch?: string;
  maxPages?: number;
}): CommitPipelinesState {
  const { slugs, revision, branch, maxPages } = options;
  const { api, queryClient } = useCircleCIQueryClient();
  // Pipelines looked at by the round in flight, by slug.
  const [inFlight, setInFlight] = useState<Record<string, number>>({});
  const slugText = slugs.map(s => s.slug).join(',');
  const queryKey = resourceKey('commit', revision, branch ?? '', maxPages ?? 0, slugText);
  const query = useInfiniteQuery<Round, Error, InfiniteData<Round, Tokens>, QueryKey, Tokens>(
    {
      queryKey,
      initialPageParam: undefined,
      getNextPageParam: last => {
        const next = Object.entries(last).filter(([, r]) => r.nextPageToken);
        return next.length ? Object.fromEntries(next.map(([s, r]) => [s, r.nextPageToken!])) : undefined;
      },
      queryFn: async ({ pageParam, signal }) => {
        const todo = pageParam ? slugs.filter(s => pageParam[s.slug]) : slugs;
        setInFlight({});
        const answers = await Promise.all(
          todo.map(async projectSlug => {
            const result = await api.findPipelinesByRevision({
              projectSlug,
              revision,
              branch,
              maxPages,
              pageToken: pageParam?.[projectSlug.slug],
              signal,
              onProgress: p => setInFlight(f => ({ ...f, [projectSlug.slug]: p.pipelinesScanned })),
            });
            return [projectSlug.slug, result] as const;
          }),
        );
        return Object.fromEntries(answers);
      },
    },
    queryClient,
  );
  const { data, fetchNextPage, hasNextPage, isFetching } = query;
  const matches = useMemo(() => {
    const bySlug = new Map(slugs.map(s => [s.slug, s]));
    const all = (data?.pages ?? []).flatMap(round =>
      Object.entries(round).flatMap(([slug, r]) =>
        r.matches.map(pipeline => ({ pipeline, projectSlug: bySlug.get(slug)! })),
      ),
    );
    return all.filter(m => m.projectSlug).sort((a, b) => createdAt(b) - createdAt(a));
  }, [data, slugs]);
  const totals = useMemo(() => {
    let pages = 0;
    let scanned = 0;
    (data?.pages ?? []).forEach(round =>
      Object.values(round).forEach(r => {
        pages += r.pagesRead;
        scanned += r.pipelinesScanned;
      }),
    );
    return { pages, scanned };
  }, [data]);
  const liveScanned = Object.values(inFlight).reduce((n, c) => n + c, 0);
  const searchFurther = useCallback(() => {
    if (hasNextPage && !isFetching) fetchNextPage().catch(() => undefined);
  }, [fetchNextPage, hasNextPage, isFetching]);
  return {
    matches,
    searching: isFetching,
    pipelinesScanned: isFetching ? totals.scanned + liveScanned : totals.scanned,
    pagesRead: totals.pages,
    canSearchFurther: Boolean(hasNextPage),
    searchFurther,
    error: query.error ?? undefined,
  };
}
