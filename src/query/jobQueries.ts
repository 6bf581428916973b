import type { ProjectSlug } from '../common/slug';
import { resourceKey } from './keys';
import type { QueryKey } from '@tanstack/react-query';

/** Identifies a job for the job hooks. */
export interface JobHookOptions {
  /** The project, as a slug string or a parsed {@link ProjectSlug}. */
  projectSlug: string | ProjectSlug;
  /** The job number within the project. */
  jobNumber: number;
}

/** Items of a list that is loaded page by page within a bound. */
export interface BoundedList<T> {
  /** The items loaded. */
  items: T[];
  /** True when more items exist than were loaded. */
  truncated: boolean;
}

/** The slug string of a slug option. */
export function slugKey(projectSlug: string | ProjectSlug): string {
  return typeof projectSlug === 'string' ? projectSlug : projectSlug.slug;
}

/** The query key of a job resource of the given kind (`job`, `job-steps`, …). */
export function jobResourceKey(options: JobHookOptions & { kind: string }): QueryKey {
  return resourceKey(options.kind, slugKey(options.projectSlug), options.jobNumber);
}
