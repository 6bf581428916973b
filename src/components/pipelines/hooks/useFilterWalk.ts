import { useCallback, useEffect, useRef, useState } from 'react';
import { pageCap } from '@circleci-backstage/plugin-circleci-common';

const DEFAULT_REVISION_SEARCH_PAGES = pageCap('listPipelines');

/** Options of {@link useFilterWalk}. */
export interface UseFilterWalkOptions {
  /** True while a filter hides some of what is loaded (then a page may add nothing). */
  active: boolean;
  /** The rows the filters keep so far. */
  matches: number;
  /** True once every loaded page's rows are decided (their workflows arrived, where a filter needs them). */
  settled: boolean;
  /** Pipeline pages loaded so far. */
  pages: number;
  /** True when CircleCI has further pages. */
  hasMore: boolean;
  /** True while a page loads. */
  loading: boolean;
  /** True when the last page failed: the walk stops (the page shows the error). */
  failed: boolean;
  /** Loads the next page. */
  loadMore: () => void;
  /** Changes when the filters change: the walk starts again from what is loaded. */
  filterKey: string;
  /** The most pages one walk reads; the commit search's bound by default (10). */
  maxPages?: number;
}

/** What {@link useFilterWalk} returns. */
export interface FilterWalkState {
  /** True while the walk reads pages. */
  walking: boolean;
  /** Pages read by the current (or last) walk. */
  pagesSearched: number;
  /** The most pages one walk reads. */
  maxPages: number;
  /** True when the last walk stopped at `maxPages` without a new match. */
  bounded: boolean;
  /** Starts a walk: "Load more". Without a filter it reads one page. */
  loadMore: () => void;
}

interface Walk {
  /** Pages loaded when it started. */
  fromPages: number;
  /** Matches when it started: it stops once there are more. */
  fromMatches: number;
  done: boolean;
  bounded: boolean;
}

/**
 * "Load more" for a filtered list: reads page after page until a page adds
 * a match, CircleCI has no more, or `maxPages` pages (the same bound as the
 * commit search), waiting for each page's rows to be decided before
 * reading the next. With a filter on, a walk also starts by itself when the
 * filters change (or on mount) and nothing matches yet, so "only failed" on
 * a quiet project does not stop at an empty first page.
 */
export function useFilterWalk(options: UseFilterWalkOptions): FilterWalkState {
  const { active, matches, settled, pages, hasMore, loading, failed, loadMore: readPage, filterKey } = options;
  const maxPages = options.maxPages ?? DEFAULT_REVISION_SEARCH_PAGES;
  const [walk, setWalk] = useState<Walk | undefined>(undefined);
  const [key, setKey] = useState<string | undefined>(undefined);
  // The page count when the walk last asked for a page: one request per page.
  const asked = useRef(-1);

  // A new set of filters walks from what is loaded until a first match.
  if (key !== filterKey) {
    setKey(filterKey);
    setWalk(active ? { fromPages: pages, fromMatches: 0, done: false, bounded: false } : undefined);
  }

  useEffect(() => {
    if (!walk || walk.done || loading) return;
    if (failed && asked.current === pages) {
      setWalk({ ...walk, done: true });
      return;
    }
    if (!settled) return;
    const read = pages - walk.fromPages;
    const found = matches > walk.fromMatches && (read > 0 || walk.fromMatches === 0);
    if (found || !hasMore || (active && read >= maxPages) || (!active && read >= 1)) {
      setWalk({ ...walk, done: true, bounded: !found && hasMore && active && read >= maxPages });
      return;
    }
    if (asked.current === pages) return;
    asked.current = pages;
    readPage();
  }, [walk, loading, failed, settled, pages, matches, hasMore, active, maxPages, readPage]);

  const loadMore = useCallback(() => {
    asked.current = -1;
    setWalk({ fromPages: pages, fromMatches: matches, done: false, bounded: false });
  }, [pages, matches]);

  return {
    walking: Boolean(walk && !walk.done),
    pagesSearched: walk ? pages - walk.fromPages : 0,
    maxPages,
    bounded: Boolean(walk?.bounded),
    loadMore,
  };
}
