/*
 * Walking a paged list: the one loop that reads page after page, with a cap.
 */
import type { Page } from '@circleci-backstage/plugin-circleci-common';

/**
 * Options for {@link collectPages}.
 */
export interface CollectPagesOptions<T> {
  /** Reads one page: the first with `undefined`, then with each `nextPageToken`. */
  load: (pageToken: string | undefined) => Promise<Page<T>>;
  /** The most pages to read (at least 1). */
  max: number;
}

/**
 * The items of the pages read by {@link collectPages}.
 */
export interface CollectedPages<T> {
  /** The items of every page read, in order. */
  items: T[];
  /** True when `max` pages were read and there were more. */
  truncated: boolean;
  /** When truncated: the token of the first page not read. */
  nextPageToken?: string;
}

/**
 * Reads pages one after the other until the last page or `max` pages, and
 * returns their items. A failed page rejects the whole, with that error.
 */
export async function collectPages<T>(options: CollectPagesOptions<T>): Promise<CollectedPages<T>> {
  const { load, max } = options;
  if (!Number.isSafeInteger(max) || max < 1) {
    throw new RangeError(`Invalid max ${JSON.stringify(max)}: expected a whole number of at least 1.`);
  }
  const items: T[] = [];
  let pageToken: string | undefined;
  for (let read = 0; read < max; read++) {
    const page = await load(pageToken);
    items.push(...page.items);
    pageToken = page.nextPageToken || undefined;
    if (!pageToken) return { items, truncated: false };
  }
  return { items, truncated: true, nextPageToken: pageToken };
}
