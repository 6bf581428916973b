/*
 * Opaque page tokens. Pipelines page by number (stable while new pipelines
 * arrive); other lists page by offset.
 */

/** Page size of the pipeline, workflow and job lists. */
export const PAGE_SIZE = 20;

/** Page size of the test results list. */
export const TESTS_PAGE_SIZE = 100;

interface TokenData {
  /** The list the token belongs to. */
  l: string;
  /** Offset or cursor. */
  v: number;
}

/** Encodes a page token for a list (`list` names the list and its filters). */
export function encodeToken(options: { list: string; value: number }): string {
  const data: TokenData = { l: options.list, v: options.value };
  const bytes = new TextEncoder().encode(JSON.stringify(data));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Decodes a page token. Returns `undefined` for no token, `null` for a token
 * that is invalid or belongs to another list.
 */
export function decodeToken(options: {
  token: string | null;
  list: string;
}): number | undefined | null {
  if (options.token === null || options.token === '') return undefined;
  try {
    const binary = atob(options.token.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, c => c.charCodeAt(0));
    const data = JSON.parse(new TextDecoder().decode(bytes)) as Partial<TokenData>;
    if (data.l !== options.list || typeof data.v !== 'number') return null;
    return data.v;
  } catch {
    return null;
  }
}

/** One page of a list by offset. */
export function pageByOffset<T>(options: {
  items: readonly T[];
  token: string | null;
  list: string;
  size?: number;
}): { items: T[]; next_page_token: string | null } | null {
  const size = options.size ?? PAGE_SIZE;
  const offset = decodeToken({ token: options.token, list: options.list });
  if (offset === null) return null;
  const start = offset ?? 0;
  const items = options.items.slice(start, start + size);
  const more = start + size < options.items.length;
  return {
    items,
    next_page_token: more ? encodeToken({ list: options.list, value: start + size }) : null,
  };
}
