/**
 * Parsing of the `circleci.com/project-slug` annotation into validated
 * project slugs. Nothing is guessed: anything that is not exactly
 * `provider/org/repo` with a known provider and safe segments is rejected
 * with a message that says what was expected and what was found.
 */
import { isUuid } from './ids';

/**
 * The annotation of a catalog entity that names its CircleCI project, or
 * several, comma-separated (a monorepo).
 * @public
 */
export const PROJECT_SLUG_ANNOTATION = 'circleci.com/project-slug';

/**
 * The providers accepted in a project slug. `circleci` is used for GitLab,
 * GitHub App and standalone organisations, whose org and project are UUIDs.
 * @public
 */
export type ProjectSlugProvider = 'github' | 'gh' | 'bitbucket' | 'bb' | 'circleci';

/**
 * A validated CircleCI project slug.
 * @public
 */
export interface ProjectSlug {
  /** The provider segment as the user wrote it. */
  provider: ProjectSlugProvider;
  /** The organisation (or organisation id for `circleci`). */
  org: string;
  /** The repository (or project id for `circleci`). */
  repo: string;
  /** The slug as written, e.g. `gh/acme/rocket`. */
  slug: string;
}

/**
 * Thrown when a project slug does not have the expected form.
 * @public
 */
export class InvalidProjectSlugError extends Error {
  /** Always `InvalidProjectSlugError`. */
  readonly name = 'InvalidProjectSlugError';
  /** The offending text, as found in the annotation. */
  readonly found: string;
  /** What is wrong with it, for code and for the translated description. */
  readonly reason: InvalidProjectSlugReason;
  /**
   * The texts the reason names, quoted as in the message: `found`, and
   * `provider`, `value` or `character` where the reason names them.
   */
  readonly params: Readonly<Record<string, string>>;

  /** Creates the error; `message` is the English text, for logs. */
  constructor(options: {
    message: string;
    found: string;
    reason: InvalidProjectSlugReason;
    params?: Record<string, string>;
  }) {
    super(options.message);
    this.found = options.found;
    this.reason = options.reason;
    this.params = { ...options.params };
  }
}

/**
 * What is wrong with a project slug: empty (the slug, the annotation or an
 * entry of its list), not three segments, an unknown provider, an
 * organisation or repository that is empty, `.`/`..` or has a character
 * not allowed, or a `circleci` slug without UUIDs.
 * @public
 */
export type InvalidProjectSlugReason =
  | 'empty'
  | 'annotation-empty'
  | 'empty-entry'
  | 'segments'
  | 'provider'
  | 'org-empty'
  | 'repo-empty'
  | 'org-dots'
  | 'repo-dots'
  | 'org-character'
  | 'repo-character'
  | 'not-uuid';

const PROVIDERS: readonly ProjectSlugProvider[] = [
  'github',
  'gh',
  'bitbucket',
  'bb',
  'circleci',
];
const V1_PROVIDER: Record<ProjectSlugProvider, string> = {
  github: 'github',
  gh: 'github',
  bitbucket: 'bitbucket',
  bb: 'bitbucket',
  circleci: 'circleci',
};
const SEGMENT = /^[A-Za-z0-9._-]+$/;
const ALLOWED = 'only letters, digits, ".", "_" and "-" are allowed';
const EXPECTED =
  'expected "provider/org/repo" with provider one of github, gh, bitbucket, bb, ' +
  'or "circleci/ORG_ID/PROJECT_ID" with UUIDs';

/** Quotes text for a message, showing control characters visibly. */
function show(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}

function fail(options: {
  found: string;
  problem: string;
  reason: InvalidProjectSlugReason;
  params?: Record<string, string>;
}): never {
  const { found, problem, reason, params } = options;
  throw new InvalidProjectSlugError({
    message: `Invalid CircleCI project slug ${show(found)}: ${EXPECTED}, but ${problem}.`,
    found,
    reason,
    params: { found: show(found), ...params },
  });
}

function checkSegment(options: { slug: string; part: 'org' | 'repo'; value: string }) {
  const { slug: found, part, value } = options;
  const label = part === 'org' ? 'organisation' : 'repository';
  if (value === '') fail({ found, problem: `the ${label} is empty`, reason: `${part}-empty` });
  if (value === '.' || value === '..') {
    fail({
      found,
      problem: `the ${label} is ${show(value)}, which is not allowed`,
      reason: `${part}-dots`,
      params: { value: show(value) },
    });
  }
  if (!SEGMENT.test(value)) {
    const bad = [...value].find(c => !/[A-Za-z0-9._-]/.test(c)) ?? value;
    fail({
      found,
      problem: `the ${label} ${show(value)} contains ${show(bad)}; ${ALLOWED}`,
      reason: `${part}-character`,
      params: { value: show(value), character: show(bad) },
    });
  }
}

/**
 * Parses one project slug such as `gh/acme/rocket`.
 * @throws {@link InvalidProjectSlugError} when the slug is malformed.
 * @public
 */
export function parseProjectSlug(text: string): ProjectSlug {
  const slug = text.trim();
  if (slug === '') fail({ found: text, problem: 'it is empty', reason: 'empty' });
  const segments = slug.split('/');
  if (segments.length !== 3) {
    const problem = `it has ${segments.length} segment${segments.length === 1 ? '' : 's'}`;
    fail({ found: slug, problem, reason: 'segments' });
  }
  const [provider, org, repo] = segments;
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    const problem = `the provider is ${show(provider)}`;
    fail({ found: slug, problem, reason: 'provider', params: { provider: show(provider) } });
  }
  checkSegment({ slug, part: 'org', value: org });
  checkSegment({ slug, part: 'repo', value: repo });
  if (provider === 'circleci' && !(isUuid(org) && isUuid(repo))) {
    const problem = 'a "circleci" slug needs an organisation id and a project id that are UUIDs';
    fail({ found: slug, problem, reason: 'not-uuid' });
  }
  return { provider: provider as ProjectSlugProvider, org, repo, slug };
}

/**
 * Parses the annotation value, which may list several comma-separated slugs
 * (a monorepo). Duplicates are dropped; order is kept.
 * @throws {@link InvalidProjectSlugError} on the first malformed slug, or
 *   when the annotation holds no slug at all.
 * @public
 */
export function parseProjectSlugs(annotation: string | undefined): ProjectSlug[] {
  const parts = (annotation ?? '').split(',');
  if (parts.every(p => p.trim() === '')) {
    fail({ found: annotation ?? '', problem: 'the annotation is empty', reason: 'annotation-empty' });
  }
  const seen = new Set<string>();
  const result: ProjectSlug[] = [];
  for (const part of parts) {
    if (part.trim() === '') {
      fail({ found: annotation ?? '', problem: 'the list has an empty entry', reason: 'empty-entry' });
    }
    const parsed = parseProjectSlug(part);
    if (!seen.has(parsed.slug)) {
      seen.add(parsed.slug);
      result.push(parsed);
    }
  }
  return result;
}

/**
 * The slug as a v2 URL path: as written, each segment URL-encoded.
 * @internal
 */
export function toV2SlugPath(slug: ProjectSlug): string {
  return [slug.provider, slug.org, slug.repo].map(encodeURIComponent).join('/');
}

/**
 * The slug as a v1.1 URL path, where `gh` becomes `github` and `bb`
 * becomes `bitbucket`.
 * @internal
 */
export function toV1SlugPath(slug: ProjectSlug): string {
  return [V1_PROVIDER[slug.provider], slug.org, slug.repo]
    .map(encodeURIComponent)
    .join('/');
}

/**
 * The VCS host of a slug, when it tells: used to link commits.
 * @internal
 */
export function vcsHostOf(slug: ProjectSlug): 'github' | 'bitbucket' | undefined {
  const v1 = V1_PROVIDER[slug.provider];
  return v1 === 'github' || v1 === 'bitbucket' ? v1 : undefined;
}
