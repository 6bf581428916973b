/*
 * Failures described for a person: what happened and what to do about it,
 * as message descriptors a view translates. No React and no I/O; the error
 * classes come from the client and the parsers.
 */
import { ResponseError } from '@backstage/errors';
import { isAbortError } from '@circleci-backstage/plugin-circleci-common';
import {
  BackendPluginMissingError,
  InvalidCommitError,
  LegacyProxyTargetError,
  MalformedResponseError,
  MissingProjectError,
  RequestTimeoutError,
} from '@circleci-backstage/plugin-circleci-common';
import { InvalidProjectSlugError, type InvalidProjectSlugReason } from '@circleci-backstage/plugin-circleci-common';
import { type CircleCIMessage, type CircleCIMessageKey, msg } from './messages';
import { describeResponse, formatClock } from './responseErrors';
import { InvalidWorkflowsAnnotationError } from './workflowScope';

/**
 * The kinds of failure the plugin tells apart.
 * @public
 */
export type CircleCIErrorKind =
  | 'invalid-slug'
  | 'invalid-commit'
  | 'invalid-job'
  | 'invalid-workflows'
  | 'no-project'
  | 'backstage-auth'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'legacy-proxy'
  | 'backend-missing'
  | 'rate-limited'
  | 'server'
  | 'bad-request'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'aborted'
  | 'unknown';

/**
 * A failure, described for a person: message descriptors, which a view
 * translates (`useCircleCITranslation().tm`), and the raw detail a
 * "details" disclosure may show.
 * @public
 */
export interface CircleCIErrorDescription {
  /** What kind of failure it is, for code that reacts to some kinds. */
  kind: CircleCIErrorKind;
  /** A short headline. */
  title: CircleCIMessage;
  /** What happened and what to do about it. */
  message: CircleCIMessage;
  /** A further sentence, e.g. what a project slug must look like. */
  hint?: CircleCIMessage;
  /**
   * Technical detail, untranslated, for a "details" disclosure only: the
   * parser's complaint about a body, or the server's own words.
   */
  detail?: string;
  /** The HTTP status, when there was one. */
  status?: number;
  /** For a 429 (or a 503 with `Retry-After`): when a retry is allowed, when the server said. */
  retryAt?: Date;
}

/**
 * Reported when a job URL's number is not one (`/jobs/abc`).
 * @internal
 */
export class InvalidJobNumberError extends Error {
  /** Always `InvalidJobNumberError`. */
  readonly name = 'InvalidJobNumberError';
  /** The text given as the job number. */
  readonly value: string;
  /** Creates the error for the text given as the job number. */
  constructor(options: { value: string }) {
    super(`"${options.value}" is not a job number.`);
    this.value = options.value;
  }
}

/** The request a URL made, below the API root: `v2/project/gh/acme/rocket/pipeline`. */
function requestPath(url: string): string {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0];
  return /\/(v2|v1\.1)\/.*/.exec(path)?.[0].slice(1) ?? path;
}

/** The sentence of each slug problem. */
const SLUG_PROBLEMS: Record<InvalidProjectSlugReason, CircleCIMessageKey> = {
  empty: 'slug.empty',
  'annotation-empty': 'slug.annotationEmpty',
  'empty-entry': 'slug.emptyEntry',
  segments: 'slug.segments',
  provider: 'slug.provider',
  'org-empty': 'slug.orgEmpty',
  'repo-empty': 'slug.repoEmpty',
  'org-dots': 'slug.orgDots',
  'repo-dots': 'slug.repoDots',
  'org-character': 'slug.orgCharacter',
  'repo-character': 'slug.repoCharacter',
  'not-uuid': 'slug.notUuid',
};

/** Describes the errors of the plugin's own classes (not HTTP answers); undefined for others. */
function describeOwnError(
  error: unknown,
  subject: string | CircleCIMessage,
): CircleCIErrorDescription | undefined {
  if (error instanceof InvalidProjectSlugError) {
    return {
      kind: 'invalid-slug',
      title: msg('errors.invalidSlugTitle'),
      message: { key: SLUG_PROBLEMS[error.reason] ?? 'slug.empty', params: error.params },
      hint: msg('slug.expected'),
    };
  }
  if (error instanceof InvalidCommitError) {
    const value = error.value;
    return {
      kind: 'invalid-commit',
      title: msg('errors.invalidCommitTitle', { value }),
      message: msg('commits.invalid', { value }),
    };
  }
  if (error instanceof InvalidJobNumberError) {
    return {
      kind: 'invalid-job',
      title: msg('errors.invalidJobTitle'),
      message: msg('job.notANumber', { value: error.value }),
    };
  }
  if (error instanceof InvalidWorkflowsAnnotationError) {
    return {
      kind: 'invalid-workflows',
      title: msg('errors.invalidWorkflowsTitle'),
      message: msg('workflowScope.invalid', { value: error.value }),
    };
  }
  if (error instanceof MissingProjectError) {
    return {
      kind: 'no-project',
      title: msg('errors.noProjectTitle'),
      message: msg('errors.noProjectMessage'),
    };
  }
  if (error instanceof LegacyProxyTargetError) {
    return {
      kind: 'legacy-proxy',
      status: 404,
      title: msg('errors.legacyProxyTitle'),
      message: msg('errors.legacyProxyMessage'),
    };
  }
  if (error instanceof BackendPluginMissingError) {
    return {
      kind: 'backend-missing',
      status: 404,
      title: msg('errors.backendMissingTitle'),
      message: msg('errors.backendMissingMessage'),
      detail: error.url,
    };
  }
  if (error instanceof MalformedResponseError) {
    const params = { subject, request: requestPath(error.url) };
    return {
      kind: 'malformed',
      title: msg('errors.malformedTitle'),
      message:
        error.reason === 'html'
          ? msg('errors.malformedHtmlMessage', params)
          : msg('errors.malformedMessage', params),
      detail: error.detail,
    };
  }
  if (error instanceof RequestTimeoutError) {
    const seconds = Math.round(error.timeoutMs / 1000);
    return {
      kind: 'timeout',
      title: msg('errors.timeoutTitle'),
      message: msg('errors.timeoutMessage', { seconds, request: requestPath(error.url) }),
    };
  }
  return undefined;
}

/**
 * Options for {@link describeError}.
 * @public
 */
export interface DescribeErrorOptions {
  /**
   * What was being read, for messages such as "could not find …": text the
   * view has translated, or a message. Default "this resource".
   */
  subject?: string | CircleCIMessage;
}

/**
 * Describes any error thrown by the client (or the slug parser) for a
 * person: what happened and what to do, as message descriptors (keys of
 * `circleCITranslationRef` with their values) that a view translates, and
 * the raw detail for a "details" disclosure. Never throws.
 * @public
 */
export function describeError(error: unknown, options?: DescribeErrorOptions): CircleCIErrorDescription {
  const subject = options?.subject ?? msg('errors.defaultSubject');
  const own = describeOwnError(error, subject);
  if (own) return own;
  if (error instanceof ResponseError) return describeResponse(error, subject);
  if (isAbortError(error)) {
    return { kind: 'aborted', title: msg('errors.abortedTitle'), message: msg('errors.abortedMessage') };
  }
  const name = (error as { name?: unknown } | null)?.name;
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof TypeError || name === 'TypeError') {
    return {
      kind: 'network',
      title: msg('errors.networkTitle'),
      message: msg('errors.networkMessage'),
      detail,
    };
  }
  return {
    kind: 'unknown',
    title: msg('errors.unknownTitle'),
    message: msg('errors.unknownMessage'),
    detail,
  };
}

/**
 * The notice over data the backend plugin served from its cache while
 * CircleCI rate-limits: "CircleCI is rate-limiting; showing data from HH:MM".
 */
export function describeStaleData(options: { storedAt: Date }): CircleCIMessage {
  return msg('errors.staleNotice', { time: formatClock(options.storedAt) });
}
