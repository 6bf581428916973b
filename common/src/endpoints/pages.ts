/*
 * The v2 list shape, `{ items, next_page_token }`, as the client returns it.
 */
import type { Page } from '../types';

/**
 * A v2 list body as a {@link Page}.
 * @public
 */
export function toPage<T>(data: { items: T[]; next_page_token?: string | null }): Page<T> {
  return data.next_page_token
    ? { items: data.items, nextPageToken: data.next_page_token }
    : { items: data.items };
}

/**
 * The `page-token` query parameter, from the caller's `pageToken` option.
 * @public
 */
export function pagedQuery<O extends { pageToken?: string }>(): Record<string, (options: O) => string | undefined> {
  return { 'page-token': options => options.pageToken };
}
