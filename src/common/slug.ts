/**
 * Parsing of the `circleci.com/project-slug` annotation into validated
 * project slugs. Nothing is guessed: anything that is not exactly
 * `provider/org/repo` with a known provider and safe segments is rejected
 * with a message that says what was expected and what was found.
 */
import { isUuid } from './ids';

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

  constructor(options: { message: string; found: string }) {
    super(options.message);
    this.found = options.found;
  }
}

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
const EXPECTED =
  'expected "provider/org/repo" with provider one of github, gh, bitbucket, bb, ' +
  'or "circleci/ORG_ID/PROJECT_ID" with UUIDs';

/** Quotes text for a message, showing control characters visibly. */
function show(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}

function fail(found: string, problem: string): never {
  throw new InvalidProjectSlugError({
    message: `Invalid CircleCI project slug ${show(found)}: ${EXPECTED}, but ${problem}.`,
    found,
  });
}

function checkSegment(options: { slug: string; label: string; value: string }) {
  const { slug, label, value } = options;
  if (value === '') fail(slug, `the ${label} is empty`);
  if (value === '.' || value === '..') {
    fail(slug, `the ${label} is ${show(value)}, which is not allowed`);
  }
  if (!SEGMENT.test(value)) {
    const bad = [...value].find(c => !/[A-Za-z0-9._-]/.test(c)) ?? value;
    fail(
      slug,
      `the ${label} ${show(value)} contains ${show(bad)}; only letters, digits, ".", "_" and "-" are allowed`,
    );
  }
}

/**
 * Parses one project slug such as `gh/acme/rocket`.
 * @throws {@link InvalidProjectSlugError} when the slug is malformed.
 * @public
 */
export function parseProjectSlug(text: string): ProjectSlug {
  const slug = text.trim();
  if (slug === '') fail(text, 'it is empty');
  const segments = slug.split('/');
  if (segments.length !== 3) {
    fail(slug, `it has ${segments.length} segment${segments.length === 1 ? '' : 's'}`);
  }
  const [provider, org, repo] = segments;
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    fail(slug, `the provider is ${show(provider)}`);
  }
  checkSegment({ slug, label: 'organisation', value: org });
  checkSegment({ slug, label: 'repository', value: repo });
  if (provider === 'circleci' && !(isUuid(org) && isUuid(repo))) {
    fail(slug, 'a "circleci" slug needs an organisation id and a project id that are UUIDs');
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
    fail(annotation ?? '', 'the annotation is empty');
  }
  const seen = new Set<string>();
  const result: ProjectSlug[] = [];
  for (const part of parts) {
    if (part.trim() === '') fail(annotation ?? '', 'the list has an empty entry');
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
