/*
 * The options and the result of `CircleCIApi.findPipelinesByRevision`.
 */
import type { ProjectSlug } from '../slug';
import type { RequestOptions } from './requestOptions';
import type { Pipeline } from '../types';

/**
 * How far `CircleCIApi.findPipelinesByRevision` has looked, reported
 * after each page.
 * @public
 */
export interface RevisionSearchProgress {
  /** Pipeline pages read so far. */
  pagesRead: number;
  /** Pipelines looked at so far. */
  pipelinesScanned: number;
  /** Matching pipelines found so far. */
  matchCount: number;
}

/**
 * Why `CircleCIApi.findPipelinesByRevision` stopped: `settled` (matches
 * were found and the walk reached pipelines older than the oldest of them,
 * or older than `committedAt`), `end` (the project has no older pipelines),
 * `max-pages` (it read `maxPages` pages) or `time` (the time bound passed).
 * After `max-pages` and `time`, `nextPageToken` continues the search.
 * @public
 */
export type RevisionSearchStop = 'settled' | 'end' | 'max-pages' | 'time';

/**
 * Options of `CircleCIApi.findPipelinesByRevision`.
 * @public
 */
export interface FindPipelinesByRevisionOptions extends RequestOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
  /** The commit: a full SHA, or at least its first 7 hex characters. */
  revision: string;
  /** Only this branch's pipelines (filtered by CircleCI, so fewer pages). */
  branch?: string;
  /** The most pipeline pages to read (20 pipelines a page). Default 10. */
  maxPages?: number;
  /** How long the walk may take before it stops between pages. Default 20 s. */
  timeLimitMs?: number;
  /** Continues an earlier search: its `nextPageToken`. */
  pageToken?: string;
  /**
   * When the commit was made (ISO 8601), if known: pipelines older than it
   * cannot match, so the walk stops once it reaches them.
   */
  committedAt?: string;
  /** Called after each page with how far the walk has got. Must not throw. */
  onProgress?: (progress: RevisionSearchProgress) => void;
}

/**
 * The answer of `CircleCIApi.findPipelinesByRevision`: the matching
 * pipelines and how far the search looked.
 * @public
 */
export interface PipelinesByRevision {
  /** The pipelines whose `vcs.revision` matches, newest first. */
  matches: Pipeline[];
  /** Pipeline pages read (pipeline requests sent, retries aside). */
  pagesRead: number;
  /** Pipelines looked at. */
  pipelinesScanned: number;
  /** Why the walk stopped. */
  stoppedBecause: RevisionSearchStop;
  /** When stopped by `max-pages` or `time`: where a further search starts. */
  nextPageToken?: string;
}
