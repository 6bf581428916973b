/*
 * The shape of one endpoint definition, and the two directions it is read
 * in: building a request from a caller's options (the browser client), and
 * matching a request path back to its endpoint (the server's allowlist, the
 * fuzz tests).
 */
import type { z } from 'zod';
import { decodeParam, encodeParam, PARAM_SEGMENTS, ParamKind } from './params';
import type { Lifetime } from './lifetimes';

/**
 * One CircleCI request, defined once.
 *
 * `O` is the caller's options, `B` the checked body (the schema's output)
 * and `R` what the client returns.
 * @public
 */
export interface EndpointDefinition<O, B, R> {
  /** `GET` for reads; `POST` for actions, which are never retried. */
  method: 'GET' | 'POST';
  /**
   * The path below the API root, with `{param}` placeholders named after
   * the caller's options, e.g. `v2/pipeline/{pipelineId}/workflow`.
   */
  path: string;
  /** The kind of each placeholder in `path`. */
  params: Readonly<Record<string, ParamKind>>;
  /** Query parameters by their upstream name; undefined or empty values are left out. */
  query?: Readonly<Record<string, (options: O) => string | undefined>>;
  /** The JSON body of a POST. */
  body?: (options: O) => unknown;
  /** Checks a JSON body; absent for a plain-text answer. */
  schema?: z.ZodType<B, unknown>;
  /** Turns the checked body into what the client returns; default: the body itself. */
  read?: (body: B, options: O) => R;
  /**
   * For paged lists: the most pages read for one view, and whether the
   * client reads them all at once and returns them as one page (`page`) or
   * as their items (`items`), or returns one page per call (`false`).
   */
  paging?: { cap: number; collect: 'page' | 'items' | false };
  /**
   * How long an answer stays true: a fixed {@link Lifetime}, or one read
   * from the answer itself (a finished workflow is final, a running one live).
   */
  lifetime: Lifetime | ((body: B) => Lifetime);
  /** What the answer is about, for messages: e.g. "the workflows of a pipeline". */
  about: string;
  /** Never set: carries `O`, `B` and `R` for type checks that read the table. */
  readonly types?: { options: O; body: B; result: R };
}

/**
 * Any endpoint definition, for code that handles them all alike.
 * @public
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEndpoint = EndpointDefinition<any, any, any>;

/**
 * Infers an endpoint's types from its definition, keeping its paging rule's literal type.
 * @public
 */
export function defineEndpoint<
  O,
  B,
  R = B,
  const P extends EndpointDefinition<O, B, R>['paging'] = undefined,
>(definition: EndpointDefinition<O, B, R> & { paging?: P }): EndpointDefinition<O, B, R> & { paging?: P } {
  return definition;
}

/**
 * A request built from an endpoint and a caller's options.
 * @public
 */
export interface BuiltRequest {
  /** The method. */
  method: 'GET' | 'POST';
  /** The path below the API root, each parameter encoded. */
  path: string;
  /** The query parameters that have a value. */
  query: Record<string, string>;
  /** The JSON body, for a POST that has one. */
  body?: unknown;
}

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/**
 * Builds the request for `options`. Throws before anything is sent when a
 * parameter is not of its kind, so no input reaches another endpoint.
 * @public
 */
export function buildRequest(options: { endpoint: AnyEndpoint; values: object | undefined }): BuiltRequest {
  const { endpoint } = options;
  const values = options.values ?? {};
  const record = values as Record<string, unknown>;
  const path = endpoint.path.replace(PLACEHOLDER, (_, param: string) =>
    encodeParam({ param, kind: endpoint.params[param], value: record[param] }),
  );
  const query: Record<string, string> = {};
  for (const [name, pick] of Object.entries(endpoint.query ?? {})) {
    const value = pick(values);
    if (value !== undefined && value !== '') query[name] = value;
  }
  const body = endpoint.body?.(values);
  return { method: endpoint.method, path, query, ...(body === undefined ? {} : { body }) };
}

/**
 * An endpoint that a request path matched, with its decoded parameters.
 * @public
 */
export interface MatchedRequest<N extends string> {
  /** The endpoint's name in the table. */
  name: N;
  /** The decoded parameters: slugs parsed, numbers as numbers, names decoded. */
  params: Record<string, unknown>;
}

type Piece = { literal: string } | { param: string; kind: ParamKind };

function piecesOf(endpoint: AnyEndpoint): Piece[] {
  return endpoint.path.split('/').map(part => {
    const m = /^\{([A-Za-z]+)\}$/.exec(part);
    return m ? { param: m[1], kind: endpoint.params[m[1]] } : { literal: part };
  });
}

function matchOne(endpoint: AnyEndpoint, segments: string[]): Record<string, unknown> | undefined {
  const params: Record<string, unknown> = {};
  let at = 0;
  for (const piece of piecesOf(endpoint)) {
    if ('literal' in piece) {
      if (segments[at] !== piece.literal) return undefined;
      at += 1;
      continue;
    }
    const n = PARAM_SEGMENTS[piece.kind];
    if (at + n > segments.length) return undefined;
    const value = decodeParam({ kind: piece.kind, segments: segments.slice(at, at + n) });
    if (value === undefined) return undefined;
    params[piece.param] = value;
    at += n;
  }
  return at === segments.length ? params : undefined;
}

/**
 * The endpoint of `table` that a method and a raw (still encoded) path
 * below the API root name, or undefined. Only canonical paths match: no
 * empty segment, no `.` or `..`, no encoded slash or dot in a slug.
 * @public
 */
export function matchRequest<N extends string>(options: {
  table: Readonly<Record<N, AnyEndpoint>>;
  method: string;
  path: string;
}): MatchedRequest<N> | undefined {
  const { table, method, path } = options;
  if (path.length > 2048) return undefined;
  const segments = path.split('/');
  if (segments.some(s => s === '' || s === '.' || s === '..')) return undefined;
  for (const name of Object.keys(table) as N[]) {
    const endpoint = table[name];
    if (endpoint.method !== method.toUpperCase()) continue;
    const params = matchOne(endpoint, segments);
    if (params) return { name, params };
  }
  return undefined;
}
