/*
 * The kinds of path parameter an endpoint template can hold, and the one
 * place that turns a value into path segments (for a request) or path
 * segments back into a value (for the server's allowlist and the fuzz
 * tests). A value that is not of its kind never becomes a path.
 */
import { isUuid } from '../ids';
import { parseProjectSlug, ProjectSlug, toV1SlugPath, toV2SlugPath } from '../slug';

/**
 * What a `{name}` in a path template holds:
 * - `slug`: a project slug in API v2 form, three segments (`gh/acme/rocket`);
 * - `v1slug`: the same in API v1.1 form (`github/acme/rocket`);
 * - `uuid`: a UUID (pipeline, workflow, approval request);
 * - `number`: a whole number (job, container, step);
 * - `name`: any text of up to 256 characters, URL-encoded as one segment
 *   (a workflow name may hold `/`);
 * - `segment`: letters, digits, `-` and `_` (a project id).
 * @public
 */
export type ParamKind = 'slug' | 'v1slug' | 'uuid' | 'number' | 'name' | 'segment';

/**
 * How many path segments each kind takes.
 * @public
 */
export const PARAM_SEGMENTS: Record<ParamKind, number> = {
  slug: 3,
  v1slug: 3,
  uuid: 1,
  number: 1,
  name: 1,
  segment: 1,
};

const EXPECTED: Record<ParamKind, string> = {
  slug: 'a project slug such as gh/acme/rocket',
  v1slug: 'a project slug such as gh/acme/rocket',
  uuid: 'a UUID',
  number: 'a whole number',
  name: 'a name of 1 to 256 characters other than "." and ".."',
  segment: 'letters, digits, "-" and "_"',
};

/**
 * Thrown for a parameter value that is not of its kind; nothing is sent.
 * @public
 */
export class InvalidParameterError extends TypeError {
  /** The parameter's name in the template, e.g. `workflowId`. */
  readonly param: string;
  constructor(options: { param: string; kind: ParamKind; value: unknown }) {
    super(`Invalid ${options.param} ${JSON.stringify(options.value)}: expected ${EXPECTED[options.kind]}.`);
    this.name = 'InvalidParameterError';
    this.param = options.param;
  }
}


function slugOf(value: unknown): ProjectSlug {
  if (typeof value === 'string') return parseProjectSlug(value);
  if (value && typeof value === 'object' && typeof (value as ProjectSlug).slug === 'string') {
    return parseProjectSlug((value as ProjectSlug).slug);
  }
  return parseProjectSlug(String(value));
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 256 && !/^\.\.?$/.test(value);
}

/**
 * The path segments of one parameter, encoded. Throws
 * `InvalidParameterError` (or `InvalidProjectSlugError` for a slug) for a
 * value that is not of its kind.
 * @public
 */
export function encodeParam(options: { param: string; kind: ParamKind; value: unknown }): string {
  const { param, kind, value } = options;
  const invalid = () => new InvalidParameterError(options);
  switch (kind) {
    case 'slug':
      return toV2SlugPath(slugOf(value));
    case 'v1slug':
      return toV1SlugPath(slugOf(value));
    case 'uuid':
      if (!isUuid(value)) throw invalid();
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw invalid();
      return String(value);
    case 'name':
      if (!isName(value)) throw invalid();
      return encodeURIComponent(value);
    case 'segment':
      if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(value)) throw invalid();
      return value;
    default:
      throw new InvalidParameterError({ param, kind, value });
  }
}

/**
 * Reads one parameter back from its raw (still encoded) path segments;
 * undefined when they are not a canonical encoding of a value of its kind,
 * so `..`, `%2e%2e`, `%2f` and double encoding never match.
 * @public
 */
export function decodeParam(options: { kind: ParamKind; segments: string[] }): unknown {
  const { kind, segments } = options;
  const raw = segments.join('/');
  try {
    switch (kind) {
      case 'slug':
      case 'v1slug': {
        if (segments.some(s => /%/.test(s))) return undefined;
        const slug = parseProjectSlug(raw);
        const back = kind === 'slug' ? toV2SlugPath(slug) : toV1SlugPath(slug);
        return back === raw ? slug : undefined;
      }
      case 'uuid':
        return isUuid(raw) ? raw : undefined;
      case 'number':
        return /^(0|[1-9]\d{0,15})$/.test(raw) ? Number(raw) : undefined;
      case 'name': {
        const name = decodeURIComponent(raw);
        return isName(name) && encodeURIComponent(name) === raw ? name : undefined;
      }
      case 'segment':
        return /^[A-Za-z0-9_-]{1,128}$/.test(raw) ? raw : undefined;
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}
