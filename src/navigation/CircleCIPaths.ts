/**
 * Builds links to the tab's own views, relative to where the tab is mounted.
 * @internal
 */
export interface CircleCIPaths {
  /** The pipelines list. */
  pipelines(options?: { projectSlug?: string }): string;
  /** A workflow's jobs. */
  workflow(options: { workflowId: string }): string;
  /** A job; the project is part of the URL for monorepo entities. */
  job(options: { jobNumber: number; projectSlug?: string }): string;
  /** The pipelines of a commit; with a branch, the search is narrowed to it. */
  commit(options: { revision: string; branch?: string }): string;
  /** The Insights view; the project is part of the URL for monorepo entities. */
  insights(options?: { projectSlug?: string }): string;
}
