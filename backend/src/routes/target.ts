/*
 * The request target as the client sent it: the raw, still-encoded path
 * below the plugin's base URL and the raw query. Express's decoded params
 * are never read, so `..`, `%2e%2e`, `%2f` and double encoding reach the
 * endpoint table as written, where they match nothing.
 */
import type { Request } from 'express';
import {
  CIRCLECI_ENDPOINTS,
  encodeParam,
  matchRequest,
  type AnyEndpoint,
  type MatchedRequest,
} from '@circleci-backstage/plugin-circleci-common';
import { HttpProblem } from './respond';

/** The longest path accepted, in characters. */
export const MAX_PATH_CHARS = 2048;
/** The longest query accepted, in characters. */
export const MAX_QUERY_CHARS = 1024;
/** The longest value of one query parameter. */
export const MAX_QUERY_VALUE_CHARS = 512;

/** The raw path (below the base URL, without its leading `/`) and query. */
export interface RawTarget {
  /** E.g. `v2/pipeline/5034.../workflow`, still encoded. */
  path: string;
  /** The query parameters, parsed without express's `qs`. */
  search: URLSearchParams;
}

/** Splits `req.url` (relative to the router's mount point, not decoded). Throws 414 when too long. */
export function rawTarget(req: Request): RawTarget {
  const url = req.url;
  const at = url.indexOf('?');
  const rawPath = at < 0 ? url : url.slice(0, at);
  const rawQuery = at < 0 ? '' : url.slice(at + 1);
  if (rawPath.length > MAX_PATH_CHARS) {
    throw new HttpProblem({ status: 414, message: `The path is longer than ${MAX_PATH_CHARS} characters.` });
  }
  if (rawQuery.length > MAX_QUERY_CHARS) {
    throw new HttpProblem({ status: 414, message: `The query is longer than ${MAX_QUERY_CHARS} characters.` });
  }
  return { path: rawPath.replace(/^\//, ''), search: new URLSearchParams(rawQuery) };
}

/** The endpoint a method and raw path name in the table, or a 404 problem. */
export function matchTarget(options: { method: 'GET' | 'POST'; path: string }): MatchedRequest<keyof typeof CIRCLECI_ENDPOINTS> {
  const matched = matchRequest({ table: CIRCLECI_ENDPOINTS, method: options.method, path: options.path });
  if (!matched) {
    throw new HttpProblem({
      status: 404,
      message: `${options.method} ${options.path.slice(0, 200)} is not a CircleCI request this plugin serves.`,
    });
  }
  return matched;
}

/**
 * The query to send upstream: only the names the endpoint defines, each at
 * most once and of bounded length; other names are left out.
 */
export function pickQuery(options: { endpoint: AnyEndpoint; search: URLSearchParams }): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of Object.keys(options.endpoint.query ?? {})) {
    const values = options.search.getAll(name);
    if (values.length > 1) {
      throw new HttpProblem({ status: 400, message: `The query parameter "${name}" is given more than once.` });
    }
    const [value] = values;
    if (value === undefined || value === '') continue;
    if (value.length > MAX_QUERY_VALUE_CHARS) {
      throw new HttpProblem({
        status: 400,
        message: `The query parameter "${name}" is longer than ${MAX_QUERY_VALUE_CHARS} characters.`,
      });
    }
    picked[name] = value;
  }
  return picked;
}

/**
 * The path to send upstream, built again from the table and the decoded
 * parameters (never copied from the request), so it is always canonical.
 */
export function canonicalPath(options: { endpoint: AnyEndpoint; params: Readonly<Record<string, unknown>> }): string {
  const { endpoint, params } = options;
  return endpoint.path.replace(/\{([A-Za-z]+)\}/g, (_, param: string) =>
    encodeParam({ param, kind: endpoint.params[param], value: params[param] }),
  );
}
