/*
 * Commits of pipelines: short SHAs, and which SHAs a commit search accepts.
 */

/**
 * A commit's short SHA, as Git shows it: its first 7 characters.
 * @public
 */
export function shortRevision(revision: string): string {
  return revision.slice(0, 7);
}

/**
 * The fewest hex characters a commit search accepts, as Git's short SHAs.
 * @public
 */
export const MIN_REVISION_LENGTH = 7;

/**
 * Reads a commit SHA to search for: a full SHA (40 hex characters, or 64
 * for SHA-256 repositories) or a prefix of at least 7, in any case.
 * Returns it in lower case, or undefined when it is not one.
 * @public
 */
export function parseRevision(value: string | null | undefined): string | undefined {
  const text = (value ?? '').trim().toLowerCase();
  if (text.length < MIN_REVISION_LENGTH || text.length > 64) return undefined;
  return /^[0-9a-f]+$/.test(text) ? text : undefined;
}

/**
 * True when a pipeline's revision is the wanted commit: the same full SHA,
 * or one that starts with the wanted prefix (case-insensitive).
 * @public
 */
export function revisionMatches(options: { revision: string | undefined; wanted: string }): boolean {
  const { revision, wanted } = options;
  return typeof revision === 'string' && revision.toLowerCase().startsWith(wanted.toLowerCase());
}
