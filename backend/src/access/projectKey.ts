/*
 * One spelling per CircleCI project, for comparing what an annotation
 * names with what a path or CircleCI's answer names: `gh` and `github` are
 * one provider (as are `bb` and `bitbucket`), and organisation and
 * repository are compared without case (GitHub and Bitbucket names are
 * case-insensitive; `circleci` slugs are UUIDs).
 */
import {
  parseProjectSlug,
  parseProjectSlugs,
  type ProjectSlug,
  type ProjectSlugProvider,
} from '@circleci-backstage/plugin-circleci-common';

const PROVIDER: Record<ProjectSlugProvider, string> = {
  gh: 'github',
  github: 'github',
  bb: 'bitbucket',
  bitbucket: 'bitbucket',
  circleci: 'circleci',
};

/** The comparable key of a slug, e.g. `github/acme/rocket` for `gh/Acme/rocket`. */
export function projectKey(slug: ProjectSlug): string {
  return `${PROVIDER[slug.provider]}/${slug.org.toLowerCase()}/${slug.repo.toLowerCase()}`;
}

/** The key of a slug as text (CircleCI's `project_slug`), or undefined when it is not a slug. */
export function projectKeyOfText(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return projectKey(parseProjectSlug(text));
  } catch {
    return undefined;
  }
}

/** The keys an annotation value names; empty when it is absent or malformed (a malformed annotation grants nothing). */
export function projectKeysOfAnnotation(annotation: unknown): string[] {
  if (typeof annotation !== 'string') return [];
  try {
    return parseProjectSlugs(annotation).map(projectKey);
  } catch {
    return [];
  }
}

/** The project id of a `circleci/<org-id>/<project-id>` key (what `v2/projects/{id}/…` names), else undefined. */
export function standaloneProjectId(key: string): string | undefined {
  const [provider, , repo] = key.split('/');
  return provider === 'circleci' ? repo : undefined;
}
