/*
 * Finding a commit's pipelines: API v2 has no filter by SHA, so the
 * project's pipelines are walked page by page, newest first, within bounds.
 */
import type { FindPipelinesByRevisionOptions, PipelinesByRevision } from '@circleci-backstage/plugin-circleci-common';
import type { Page, Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { parseRevision, revisionMatches } from '@circleci-backstage/plugin-circleci-common';
import { pageCap } from '@circleci-backstage/plugin-circleci-common';

/** Pages read by default: 200 pipelines. */
export const DEFAULT_REVISION_SEARCH_PAGES = pageCap('listPipelines');
/** The default time bound of one search. */
export const DEFAULT_REVISION_SEARCH_MS = 20_000;

/** Options of {@link searchRevision}. */
export interface SearchRevisionOptions
  extends Omit<FindPipelinesByRevisionOptions, 'projectSlug' | 'branch' | 'signal'> {
  /** Reads one page of pipelines: the first with `undefined`, then each `nextPageToken`. */
  load: (pageToken: string | undefined) => Promise<Page<Pipeline>>;
  /** The clock, in ms; `Date.now` by default. */
  now?: () => number;
}

function time(value: string | undefined): number {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? NaN : ms;
}

/**
 * Walks pipeline pages until the matches are settled, the last page,
 * `maxPages` pages or the time bound, and says how far it looked. Settled
 * means: past `committedAt` when it is given; otherwise at least one match
 * was found and the page just read ends with pipelines older than the
 * oldest match (every build of a commit comes after the commit).
 */
export async function searchRevision(options: SearchRevisionOptions): Promise<PipelinesByRevision> {
  const wanted = parseRevision(options.revision);
  if (!wanted) {
    throw new RangeError(
      `Invalid revision ${JSON.stringify(options.revision)}: expected 7 to 64 hex characters.`,
    );
  }
  const maxPages = options.maxPages ?? DEFAULT_REVISION_SEARCH_PAGES;
  if (!Number.isSafeInteger(maxPages) || maxPages < 1) {
    throw new RangeError(`Invalid maxPages ${JSON.stringify(maxPages)}: expected a whole number of at least 1.`);
  }
  const now = options.now ?? Date.now;
  const deadline = now() + (options.timeLimitMs ?? DEFAULT_REVISION_SEARCH_MS);
  const committedAt = time(options.committedAt);
  const matches: Pipeline[] = [];
  let pagesRead = 0;
  let pipelinesScanned = 0;
  let pageToken = options.pageToken;
  for (;;) {
    const page = await options.load(pageToken);
    pagesRead++;
    pipelinesScanned += page.items.length;
    matches.push(...page.items.filter(p => revisionMatches({ revision: p.vcs?.revision, wanted })));
    options.onProgress?.({ pagesRead, pipelinesScanned, matchCount: matches.length });
    pageToken = page.nextPageToken || undefined;
    const result = { matches, pagesRead, pipelinesScanned };
    if (!pageToken) return { ...result, stoppedBecause: 'end' };
    const last = time(page.items[page.items.length - 1]?.created_at);
    const oldestMatch = Math.min(...matches.map(p => time(p.created_at)).filter(t => !Number.isNaN(t)));
    if (last < committedAt || (matches.length > 0 && last < oldestMatch)) {
      return { ...result, stoppedBecause: 'settled' };
    }
    if (pagesRead >= maxPages) return { ...result, stoppedBecause: 'max-pages', nextPageToken: pageToken };
    if (now() >= deadline) return { ...result, stoppedBecause: 'time', nextPageToken: pageToken };
  }
}
