/*
 * How the fake's router matches a path against a route pattern.
 */

import type { Params } from './respond';

/**
 * A path as the router sees it: per segment as sent, its decoded text split
 * at slashes (one piece unless the segment held `%2F`).
 */
export type PathSegments = string[][];

/**
 * Matches a route pattern against a path. A literal or `:param` part takes
 * one piece, so an escaped slug (`gh%2Facme%2Frocket`) matches
 * `:vcs/:org/:repo`; a `{param}` part takes one whole segment, slashes
 * included (a workflow name such as `deploy / eu`, sent as `deploy%20%2F%20eu`).
 */
export function matchRoute(pattern: string[], segments: PathSegments): Params | undefined {
  const params: Params = {};
  let seg = 0;
  let piece = 0;
  for (const part of pattern) {
    const pieces = segments[seg];
    if (!pieces) return undefined;
    if (part.startsWith('{')) {
      const value = pieces.join('/');
      if (piece !== 0 || value === '') return undefined;
      params[part.slice(1, -1)] = value;
      seg++;
      continue;
    }
    const value = pieces[piece];
    if (part.startsWith(':')) {
      if (value === '') return undefined;
      params[part.slice(1)] = value;
    } else if (part !== value) {
      return undefined;
    }
    piece++;
    if (piece === pieces.length) {
      seg++;
      piece = 0;
    }
  }
  return seg === segments.length && piece === 0 ? params : undefined;
}
