/*
 * Checked pieces of request paths: ids, numbers and slugs are validated
 * before anything is sent, so no input can reach another endpoint.
 */
import { isUuid } from '../common/ids';
import { parseProjectSlug, ProjectSlug, toV2SlugPath } from '../common/slug';
import type { JobRef } from './CircleCIApi';
import type { Page } from '../common/types';

/** Returns `id` when it is a UUID; throws a `TypeError` naming `label` otherwise. */
export function checkId(label: string, id: string): string {
  if (!isUuid(id)) {
    throw new TypeError(`Invalid ${label} ${JSON.stringify(id)}: expected a UUID.`);
  }
  return id;
}

/**
 * Returns `value` when it is one safe path segment (letters, digits, `-`
 * and `_`); throws a `TypeError` naming `label` otherwise.
 */
export function checkSegment(label: string, value: string): string {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(value)) {
    throw new TypeError(`Invalid ${label} ${JSON.stringify(value)}.`);
  }
  return value;
}

/** Returns `n` when it is a whole number; throws a `TypeError` naming `label` otherwise. */
export function checkNumber(label: string, n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new TypeError(`Invalid ${label} ${JSON.stringify(n)}: expected a whole number.`);
  }
  return n;
}

/** Parses a slug string, or checks an already parsed slug again. */
export function slugOf(slug: string | ProjectSlug): ProjectSlug {
  return typeof slug === 'string' ? parseProjectSlug(slug) : parseProjectSlug(slug.slug);
}

/** `{slug}/{infix}{jobNumber}`, for v2 and private job paths. */
export function jobPath(options: { job: JobRef; infix?: string }): string {
  const { job, infix = '' } = options;
  return `${toV2SlugPath(slugOf(job.projectSlug))}/${infix}${checkNumber('job number', job.jobNumber)}`;
}

/** A v2 list body as a {@link Page}. */
export function toPage<T>(data: { items: T[]; next_page_token?: string | null }): Page<T> {
  return data.next_page_token
    ? { items: data.items, nextPageToken: data.next_page_token }
    : { items: data.items };
}
