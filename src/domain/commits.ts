/*
 * Commits of pipelines.
 */

/** A commit's short SHA, as Git shows it: its first 7 characters. */
export function shortRevision(revision: string): string {
  return revision.slice(0, 7);
}
